"""Which local role may be given to whom where, and who may block the
inheritance of local roles — one set of rules for every door: the Sharing
page and every other change announced by ``ILocalrolesModifiedEvent``
(``subscribers.lokale_rollen_geaendert``), REST ``@sharing``
(``services.sharing``) and StA 11's ``@rechte-lokale-rollen``
(``mitglieder.lokale_rolle_aendern``).

- the review bodies' roles: only on the database folder, only for the
  body's own group;
- the department roles: only on a Fachbereich folder, only for that
  folder's own group of the role (``fb-10-leitung`` holds
  SNFachbereichsleitung on ``fb-10``); people join through the group;
``verweigerung`` is what the two Sharing doors ask before they change
anything; the subscriber asks ``grund_gegen_aenderung`` and
``grund_gegen_blockieren`` afterwards, for every other way.

- inside the database: nobody but a Manager changes their own local roles
  or those of their groups (four-eyes principle), nobody but a Manager
  blocks the inheritance, and no change breaks the separation of duties.

Outside the database folder Plone's own rules apply unchanged.
"""

from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.datenbank import datenbank_von
from stadtdo.sozialnetz.content.fachbereich import IFachbereich
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.rechte.gruppen import FACHBEREICH_GRUPPEN
from stadtdo.sozialnetz.rechte.lokale_rollen import ist_blockiert
from stadtdo.sozialnetz.rechte.lokale_rollen import pfad
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.trennung import rollen_in_datenbank
from stadtdo.sozialnetz.rechte.umfang import FACHBEREICH_ROLLEN
from stadtdo.sozialnetz.rechte.umfang import GREMIUM_ROLLEN


def ist_manager():
    return "Manager" in api.user.get_roles()


def fachbereichs_gruppe(obj, rolle):
    """The group of the Fachbereich folder ``obj`` that holds ``rolle`` there,
    or None (``obj`` is no Fachbereich folder, or ``rolle`` no department
    role)."""
    kuerzel = getattr(obj, "kuerzel", None) if IFachbereich.providedBy(obj) else None
    if not kuerzel:
        return None
    for suffix, _titel, fb_rolle in FACHBEREICH_GRUPPEN:
        if fb_rolle == rolle:
            return fachbereich_group_id(kuerzel, suffix)
    return None


def grund_gegen_rolle(obj, principal, rolle):
    """A German reason why ``principal`` must not get ``rolle`` as a local
    role on ``obj``, or None."""
    if rolle in GREMIUM_ROLLEN:
        datenbank = datenbank_von(obj)
        erlaubt = {(g.gruppe, g.rolle) for g in GREMIEN}
        if not (obj is datenbank and (principal, rolle) in erlaubt):
            return deutsch(
                _(
                    "Die Rollen der Gremien werden nur über die Gruppen der "
                    "Gremien vergeben, nicht je Ordner oder Antrag."
                )
            )
    if rolle in FACHBEREICH_ROLLEN and principal != fachbereichs_gruppe(obj, rolle):
        return deutsch(
            _(
                "Die Rollen der Fachbereiche gibt es nur auf dem Ordner eines "
                "Fachbereichs und nur für seine eigenen Gruppen (z. B. "
                "„fb-10-leitung“); wer dazugehört, wird Mitglied der Gruppe."
            )
        )
    return None


def benutzer_von(principal):
    """The user ``principal``, or the members of group ``principal``."""
    user = api.user.get(userid=principal)
    if user is not None:
        return [user]
    if api.group.get(groupname=principal) is not None:
        return api.user.get_users(groupname=principal)
    return []


def grund_gegen_aenderung(obj, aenderungen):
    """A German reason why the change of local roles on ``obj`` is refused,
    or None.

    ``aenderungen``: ``(principal, vorher, nachher)`` per principal whose
    local roles change (``vorher`` None if unknown). Returns
    ``(principal, grund)`` or None.
    """
    datenbank = datenbank_von(obj)
    user = api.user.get_current()
    eigene = {user.getId(), *(getattr(user, "getGroups", list)() or ())}
    manager = ist_manager()
    for principal, vorher, nachher in aenderungen:
        neue = set(nachher) - set(vorher or ())
        if datenbank is not None and principal in eigene and not manager:
            return principal, deutsch(
                _("Die eigenen Rechte ändert eine andere Person (Vier-Augen-Prinzip).")
            )
        for rolle in sorted(neue):
            grund = grund_gegen_rolle(obj, principal, rolle)
            if grund:
                return principal, grund
        if datenbank is None:
            continue
        for betroffen in benutzer_von(principal) if neue else ():
            grund = grund_gegen(rollen_in_datenbank(betroffen, datenbank), neue)
            if grund:
                return principal, grund
    return None


def grund_gegen_blockieren(obj, vorher_blockiert, blockiert):
    """A German reason why the inheritance of local roles on ``obj`` must not
    be turned off, or None. Inside the database only a Manager turns it
    off: without it, the bodies (roles on the database) and the department
    (roles on its folder) lose their access and the process stops."""
    if not blockiert or vorher_blockiert or datenbank_von(obj) is None:
        return None
    if ist_manager():
        return None
    return deutsch(
        _(
            "Die Vererbung der Rechte schaltet in der Datenbank nur ein Manager ab: "
            "Ohne sie verlieren die Gremien und der Fachbereich den Zugriff."
        )
    )


def geplante_aenderungen(obj, wuensche, verwaltet):
    """``(principal, vorher, nachher)`` for each wish ``(principal, roles
    wanted)``, as the Sharing page changes them: the managed roles
    ``verwaltet`` not wanted go, the wanted ones come (also one the page
    would drop: a door may refuse it explicitly). Unchanged ones are left out."""
    verwaltet = set(verwaltet)
    result = []
    for principal, gewollt in wuensche:
        vorher = set(obj.get_local_roles_for_userid(principal))
        nachher = (vorher - verwaltet) | set(gewollt)
        if nachher != vorher:
            result.append((principal, sorted(vorher), sorted(nachher)))
    return result


def verweigerung(obj, *, blockieren=None, wuensche=(), verwaltet=()):
    """Asked by the Sharing page and ``@sharing`` before they change
    anything: the German reason why the wished change on ``obj`` is refused
    — recorded in the Rechteprotokoll — or None.

    ``blockieren``: True/False to turn the inheritance off/on, None to leave
    it; ``wuensche``/``verwaltet``: see ``geplante_aenderungen``.
    """
    if blockieren is not None:
        vorher = ist_blockiert(obj)
        grund = grund_gegen_blockieren(obj, vorher, blockieren)
        if grund:
            protokoll.ablehnung_protokollieren(
                principal="",
                ziel=pfad(obj),
                grund=grund,
                vorher=vorher,
                nachher=blockieren,
            )
            return grund
    aenderungen = geplante_aenderungen(obj, wuensche, verwaltet)
    abgelehnt = grund_gegen_aenderung(obj, aenderungen)
    if abgelehnt is None:
        return None
    principal, grund = abgelehnt
    vorher, nachher = next((a, n) for p, a, n in aenderungen if p == principal)
    protokoll.ablehnung_protokollieren(
        principal=principal, ziel=pfad(obj), grund=grund, vorher=vorher, nachher=nachher
    )
    return grund
