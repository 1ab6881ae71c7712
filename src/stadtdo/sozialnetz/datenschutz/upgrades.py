"""Upgrade steps of issue 12 (data protection)."""

from __future__ import annotations

from plone import api
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from Products.GenericSetup.interfaces import ISetupTool


PROFILE = "profile-stadtdo.sozialnetz:default"


def datenschutz_einfuehren(context: ISetupTool) -> None:
    """1000 → 1001: the control panel gets the settings for abandoned drafts
    and the rolemap the permission of the Art. 15 report."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry")
    setup.runImportStepFromProfile(PROFILE, "rolemap")
