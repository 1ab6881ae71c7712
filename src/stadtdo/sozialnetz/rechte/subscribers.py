"""Event hooks: every change of rights is recorded; separation of duties is
enforced on every way into a group; content carries no Owner local role."""

from Acquisition import aq_base
from plone import api
from plone.api.exc import CannotGetPortalError
from stadtdo.sozialnetz.content.datenbank import datenbank_von
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.gruppen import setup_fachbereich_groups
from stadtdo.sozialnetz.rechte.gruppen import setup_gremium_groups
from stadtdo.sozialnetz.rechte.lokale_rollen import aenderungen_protokollieren
from stadtdo.sozialnetz.rechte.lokale_rollen import ist_blockiert
from stadtdo.sozialnetz.rechte.lokale_rollen import owner_entfernen
from stadtdo.sozialnetz.rechte.lokale_rollen import pfad
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from stadtdo.sozialnetz.rechte.lokale_rollen import unterschiede
from stadtdo.sozialnetz.rechte.lokale_rollen import war_blockiert
from stadtdo.sozialnetz.rechte.regeln import benutzer_von
from stadtdo.sozialnetz.rechte.regeln import grund_gegen_aenderung
from stadtdo.sozialnetz.rechte.regeln import grund_gegen_blockieren
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.trennung import gruppen_rollen_in_datenbank
from stadtdo.sozialnetz.rechte.trennung import rollen_in_datenbank
from zExceptions import Forbidden
from zope.annotation.interfaces import IAnnotations
import logging


logger = logging.getLogger("stadtdo.sozialnetz.rechte")


def _portal():
    try:
        return api.portal.get()
    except CannotGetPortalError:
        return None


def _trennung_pruefen(principal_id, group_id):
    """Refuse (Forbidden, German reason) a membership that gives someone the
    roles of two review bodies, a head a body's role or StA 11 a body's
    role (recorded in the Rechteprotokoll) — on every way into a
    group: Plone's user and group screens, @groups, acl_users, code."""
    datenbank = get_datenbank()
    if datenbank is None:
        return
    neue = gruppen_rollen_in_datenbank(group_id, datenbank)
    for user in benutzer_von(principal_id):
        rollen = rollen_in_datenbank(user, datenbank)
        grund = grund_gegen(rollen - neue, neue)
        if grund:
            _verweigern(principal_id, group_id, grund, vorher=False, nachher=True)


def _mitgliedschaft_protokollieren(event, mitglied):
    protokoll.protokollieren(
        art=protokoll.MITGLIEDSCHAFT,
        principal=event.principal,
        ziel=event.group_id,
        vorher=not mitglied,
        nachher=mitglied,
    )


def mitglied_hinzugefuegt(event):
    if _portal() is None:
        return
    _trennung_pruefen(event.principal, event.group_id)
    _mitgliedschaft_protokollieren(event, True)


def mitglied_entfernt(event):
    if _portal() is None:
        return
    _mitgliedschaft_protokollieren(event, False)


def _verweigern(principal, ziel, grund, *, vorher=None, nachher=None):
    protokoll.ablehnung_protokollieren(
        principal=principal, ziel=ziel, grund=grund, vorher=vorher, nachher=nachher
    )
    raise Forbidden(grund)


def _lokale_rollen_pruefen(obj):
    """Refuse (Forbidden, recorded) what no door may do (``regeln``): blocking
    the inheritance in the database but as a Manager, a role outside its
    place, a change of one's own roles, a breach of the separation of
    duties."""
    vorher_blockiert = war_blockiert(obj)
    blockiert = ist_blockiert(obj)
    grund = grund_gegen_blockieren(obj, vorher_blockiert, blockiert)
    if grund:
        _verweigern("", pfad(obj), grund, vorher=vorher_blockiert, nachher=blockiert)
    aenderungen = unterschiede(obj)
    abgelehnt = grund_gegen_aenderung(obj, aenderungen)
    if abgelehnt:
        principal, grund = abgelehnt
        alt, neu = next((a, n) for p, a, n in aenderungen if p == principal)
        _verweigern(principal, pfad(obj), grund, vorher=alt, nachher=neu)


def lokale_rollen_geaendert(obj, event):
    """Sharing page, @sharing and the own service: check, then record
    before → after (in the database and on the portal). An object that
    holds no annotations is no Plone content and no place of the rules."""
    if IAnnotations(obj, None) is None:
        return
    portal = _portal()
    ist_portal = portal is not None and aq_base(obj) is aq_base(portal)
    _lokale_rollen_pruefen(obj)
    if datenbank_von(obj) is None and not ist_portal:
        return
    aenderungen_protokollieren(obj)


def inhalt_hinzugefuegt(obj, event):
    """Content added to the database: no Owner role; remember its local
    roles as the state from which later changes are recorded."""
    if datenbank_von(obj) is None:
        return
    owner_entfernen(obj)
    stand_sichern(obj)


def fachbereich_added(folder, event):
    """A new department folder gets its three department groups."""
    setup_fachbereich_groups(folder)


def datenbank_added(folder, event):
    """A new database folder gets the review bodies' groups."""
    setup_gremium_groups(folder)
