"""Upgrades of existing sites: the rights model of issue 11 (profile 1001)
and the department rules of issue 20 (``fachbereichsrechte_einfuehren``)."""

from plone import api
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.content.datenbank import datenbank_von
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.lokale_rollen import aenderungen_protokollieren
from stadtdo.sozialnetz.rechte.lokale_rollen import alle_in
from stadtdo.sozialnetz.rechte.lokale_rollen import owner_entfernen
from stadtdo.sozialnetz.rechte.lokale_rollen import pfad
from stadtdo.sozialnetz.rechte.lokale_rollen import rollen_filtern
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from stadtdo.sozialnetz.rechte.regeln import fachbereichs_gruppe
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.trennung import rollen_in_datenbank
from stadtdo.sozialnetz.rechte.umfang import FACHBEREICH_ROLLEN
from stadtdo.sozialnetz.rechte.umfang import fachbereiche
from stadtdo.sozialnetz.rechte.umfang import GREMIUM_ROLLEN
from stadtdo.sozialnetz.rechte.umfang import KOPF_ROLLE
from stadtdo.sozialnetz.rechte.vorfall import formular_sperren
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
    """StA 11 loses "Manage users" and "Users and Groups" (Site
    Administrators keep Plone's screens and @users/@groups); the bodies' roles
    leave the Sharing page and every folder or Antrag; content loses the
    Owner local role; the incident form gets its own workflow. Every removed
    local role is recorded in the Rechteprotokoll."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "sharing", "workflow", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    zope_benutzerverwaltung_wie_plone(api.portal.get())
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


MANAGE_USERS = permissions.MANAGE_USERS


def zope_benutzerverwaltung_wie_plone(portal):
    """Zope's "Manage users" as in stock Plone: acquired on the portal and on
    acl_users, so only Manager holds it. Until issue 20 the rolemap gave it
    to Site Administrators, and acl_users was locked against that. Returns
    True if anything changed."""
    geaendert = False
    for obj in (portal, portal.acl_users):
        rollen = {
            eintrag["name"]
            for eintrag in obj.rolesOfPermission(MANAGE_USERS)
            if eintrag["selected"]
        }
        if rollen - {"Manager"} or not obj.acquiredRolesAreUsedBy(MANAGE_USERS):
            obj.manage_permission(MANAGE_USERS, [], acquire=True)
            geaendert = True
    return geaendert


def _fachbereichsrollen_behalten(obj):
    def behalten(principal, rolle):
        if rolle not in FACHBEREICH_ROLLEN:
            return True
        return principal == fachbereichs_gruppe(obj, rolle)

    return behalten


def _bereinigen(obj):
    """Remove the department roles ``obj`` must not carry; record each
    removal (before → after). True if any was removed."""
    vorher = {p: sorted(r) for p, r in obj.get_local_roles()}
    if not any(set(r) & set(FACHBEREICH_ROLLEN) for r in vorher.values()):
        return False
    if not rollen_filtern(obj, _fachbereichsrollen_behalten(obj)):
        return False
    nachher = {p: sorted(r) for p, r in obj.get_local_roles()}
    for principal in sorted(vorher):
        if vorher[principal] != nachher.get(principal, []):
            protokoll.protokollieren(
                art=protokoll.LOKALE_ROLLEN,
                principal=principal,
                ziel=pfad(obj),
                vorher=vorher[principal],
                nachher=nachher.get(principal, []),
            )
    if datenbank_von(obj) is not None:
        stand_sichern(obj)
    obj.reindexObjectSecurity()
    return True


def _alle_inhalte(portal):
    yield portal
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        path="/".join(portal.getPhysicalPath())
    ):
        obj = brain._unrestrictedGetObject()
        if obj is not None:
            yield obj


def fachbereichsrechte_einfuehren(context):
    """Issue 20: the department roles live only on Fachbereich folders,
    given to the folder's own groups; Plone stays Plone outside the database.

    - re-imports rolemap (no "Manage users" for Site Administrators) and
      sharing (department roles offered on Fachbereich folders only);
      resets "Manage users" on the portal and acl_users to stock Plone;
    - removes every department-role local grant outside a Fachbereich folder
      or to another principal than the folder's own group of the role, on
      the whole site; each removal is recorded in the Rechteprotokoll;
    - lists (log, return value) who holds a head's and a body's role at once:
      StA 11 must decide which group they leave.

    Idempotent. Returns ``{"bereinigt": [paths], "unvereinbar": [user ids]}``.
    """
    portal = api.portal.get()
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "sharing"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    if zope_benutzerverwaltung_wie_plone(portal):
        logger.info("Rechte: 'Manage users' wie in Plone (nur Manager)")
    bereinigt = [pfad(obj) for obj in _alle_inhalte(portal) if _bereinigen(obj)]
    datenbank = get_datenbank()
    for ordner in (
        [datenbank, *fachbereiche(datenbank)] if datenbank is not None else ()
    ):
        # the groups' roles, given by code at creation, were never remembered:
        # record what differs from the remembered state, remember the present
        aenderungen_protokollieren(ordner)
    logger.info("Rechte: Fachbereichsrollen entfernt auf %s", bereinigt)
    unvereinbar = []
    for ordner in fachbereiche(datenbank) if datenbank is not None else ():
        gruppe = fachbereichs_gruppe(ordner, KOPF_ROLLE)
        if api.group.get(groupname=gruppe) is None:
            continue
        for user in api.user.get_users(groupname=gruppe):
            if grund_gegen(set(), rollen_in_datenbank(user, datenbank)):
                unvereinbar.append(user.getId())
    if unvereinbar:
        logger.warning(
            "Rechte: Fachbereichsleitung und Gremium zugleich (StA 11 klärt): %s",
            sorted(set(unvereinbar)),
        )
    return {"bereinigt": bereinigt, "unvereinbar": sorted(set(unvereinbar))}
