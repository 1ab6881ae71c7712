"""Upgrade steps of issue 12 (data protection)."""

from plone import api


PROFILE = "profile-stadtdo.sozialnetz:default"


def datenschutz_einfuehren(context):
    """1000 → 1001: the control panel gets the settings for abandoned drafts
    and the rolemap the permission of the Art. 15 report."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry")
    setup.runImportStepFromProfile(PROFILE, "rolemap")
