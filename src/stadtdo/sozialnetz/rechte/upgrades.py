"""Upgrade of existing sites to the rights model of issue 11 (profile 1001)."""

from plone import api
from stadtdo.sozialnetz.rechte.acl_users import acl_users_sperren
from stadtdo.sozialnetz.rechte.lokale_rollen import aenderungen_protokollieren
from stadtdo.sozialnetz.rechte.lokale_rollen import alle_in
from stadtdo.sozialnetz.rechte.lokale_rollen import owner_entfernen
from stadtdo.sozialnetz.rechte.lokale_rollen import rollen_filtern
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from stadtdo.sozialnetz.rechte.umfang import get_datenbank
from stadtdo.sozialnetz.rechte.umfang import GREMIUM_ROLLEN
from stadtdo.sozialnetz.rechte.vorfall import formular_sperren
from stadtdo.sozialnetz.verfahren.gremien import GREMIEN
import logging


logger = logging.getLogger("stadtdo.sozialnetz.rechte")

PROFILE = "profile-stadtdo.sozialnetz:default"


def _gremium_rollen_entfernen(obj, datenbank):
    """Remove review-body roles given per folder or Antrag (the Sharing page
    offered them until now); on the database only the body's own group
    keeps its role."""
    erlaubt = {(g.gruppe, g.rolle) for g in GREMIEN}

    def behalten(principal, rolle):
        if rolle not in GREMIUM_ROLLEN:
            return True
        return obj is datenbank and (principal, rolle) in erlaubt

    return rollen_filtern(obj, behalten)


def rechte_einfuehren(context):
    """StA 11 loses "Manage users" and "Users and Groups"; acl_users' own
    URLs are for Managers only (Site Administrators keep Plone's screens and
    @users/@groups); the bodies' roles
    leave the Sharing page and every folder or Antrag; content loses the
    Owner local role; the incident form gets its own workflow. Every removed
    local role is recorded in the Rechteprotokoll."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "sharing", "workflow", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    acl_users_sperren(api.portal.get())
    datenbank = get_datenbank()
    if datenbank is None:
        return
    anzahl = 0
    for obj in alle_in(datenbank):
        stand_sichern(obj)  # "before" is what the object holds now
        owner = owner_entfernen(obj)
        gremium = _gremium_rollen_entfernen(obj, datenbank)
        if owner or gremium:
            aenderungen_protokollieren(obj)
            obj.reindexObjectSecurity()
            anzahl += 1
    form = datenbank.get("vorfall-melden")
    if form is not None and form.portal_type == "EasyForm":
        formular_sperren(form)
    logger.info("Rechte: local roles cleaned on %d objects", anzahl)
