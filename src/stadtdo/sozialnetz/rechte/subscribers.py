"""Event hooks: every change of rights is recorded; separation of duties is
enforced on every way into a group; content carries no Owner local role."""

from Acquisition import aq_base
from plone import api
from plone.api.exc import CannotGetPortalError
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.lokale_rollen import aenderungen_protokollieren
from stadtdo.sozialnetz.rechte.lokale_rollen import owner_entfernen
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from stadtdo.sozialnetz.rechte.lokale_rollen import unterschiede
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.umfang import datenbank_von
from stadtdo.sozialnetz.rechte.umfang import get_datenbank
from stadtdo.sozialnetz.rechte.umfang import GREMIUM_ROLLEN
from stadtdo.sozialnetz.verfahren.gremien import GREMIEN
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


def _lokale_rollen_pruefen(obj, datenbank):
    """Refuse (Forbidden) what the Sharing page must not do on any path: a
    review body's role anywhere but for the body's own group on the
    database, and — but for Managers — a change of one's own roles (or those
    of one's groups)."""
    user = api.user.get_current()
    eigene = {user.getId(), *(getattr(user, "getGroups", list)() or ())}
    manager = "Manager" in api.user.get_roles()
    erlaubt = {(g.gruppe, g.rolle) for g in GREMIEN}
    for principal, alt, neu in unterschiede(obj):
        neue_rollen = set(neu) - set(alt or ())
        for rolle in neue_rollen & GREMIUM_ROLLEN:
            if not (obj is datenbank and (principal, rolle) in erlaubt):
                raise Forbidden(
                    deutsch(
                        _(
                            "Die Rollen der Gremien werden nur über die Gruppen der "
                            "Gremien vergeben, nicht je Ordner oder Antrag."
                        )
                    )
                )
        if principal in eigene and not manager:
            raise Forbidden(
                deutsch(
                    _(
                        "Die eigenen Rechte ändert eine andere Person (Vier-Augen-Prinzip)."
                    )
                )
            )


def lokale_rollen_geaendert(obj, event):
    """Sharing page, @sharing and the own service: check, then record
    before → after."""
    portal = _portal()
    ist_portal = portal is not None and aq_base(obj) is aq_base(portal)
    datenbank = datenbank_von(obj)
    if datenbank is None and not ist_portal:
        return
    if datenbank is not None:
        _lokale_rollen_pruefen(obj, datenbank)
    aenderungen_protokollieren(obj)


def inhalt_hinzugefuegt(obj, event):
    """Content added to the database: no Owner role; remember its local
    roles as the state from which later changes are recorded."""
    if datenbank_von(obj) is None:
        return
    owner_entfernen(obj)
    stand_sichern(obj)
