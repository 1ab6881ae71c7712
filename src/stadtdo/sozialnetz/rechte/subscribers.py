"""Event hooks: every change of rights is recorded; separation of duties is
enforced on every way into a group; content carries no Owner local role."""

from Acquisition import aq_base
from plone import api
from plone.api.exc import CannotGetPortalError
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.lokale_rollen import aenderungen_protokollieren
from stadtdo.sozialnetz.rechte.lokale_rollen import owner_entfernen
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.umfang import datenbank_von
from stadtdo.sozialnetz.rechte.umfang import get_datenbank
from zExceptions import Forbidden
import logging


logger = logging.getLogger("stadtdo.sozialnetz.rechte")


def _portal():
    try:
        return api.portal.get()
    except CannotGetPortalError:
        return None


def _betroffene_benutzer(principal_id):
    user = api.user.get(userid=principal_id)
    if user is not None:
        return [user]
    if api.group.get(groupname=principal_id) is not None:
        return api.user.get_users(groupname=principal_id)
    return []


def _trennung_pruefen(principal_id, group_id):
    """Refuse (Forbidden, German reason) a membership that gives someone the
    roles of two review bodies or StA 11 a body's role — on every way into a
    group: Plone's user and group screens, @groups, acl_users, code."""
    datenbank = get_datenbank()
    if datenbank is None:
        return
    neue = set(api.group.get_roles(groupname=group_id, obj=datenbank, inherit=True))
    for user in _betroffene_benutzer(principal_id):
        rollen = set(user.getRolesInContext(datenbank))
        grund = grund_gegen(rollen - neue, neue)
        if grund:
            raise Forbidden(grund)


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


def lokale_rollen_geaendert(obj, event):
    """Sharing page, @sharing and the own service: record before → after."""
    portal = _portal()
    ist_portal = portal is not None and aq_base(obj) is aq_base(portal)
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
