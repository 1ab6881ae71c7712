"""A user leaves the portal, or a department's groups, or comes back
(issue 13): PAS events told in the terms of the database.

- ``KontoEntfernt``: the portal user was deleted (PAS ``PrincipalDeleted``:
  ``plone.api.user.delete``, ``@users`` DELETE, the Users control panel all
  fire it);
- ``FachbereichVerlassen``: the user was removed from a group of a
  department and belongs to none of them any more (PAS
  ``PrincipalRemovedFromGroup``: the rights page and ``@rechte-mitglieder``
  of StA 11, ``@groups`` PATCH, the Groups control panel, acl_users);
- ``FachbereichBetreten``: the user was added to a group of a department.

Only on a site with the database. The process layer subscribes
(``verfahren.verantwortung``: „Verantwortung klären“).
"""

from plone import api
from plone.api.exc import CannotGetPortalError
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.rechte.gruppen import FACHBEREICH_GRUPPEN
from zope.event import notify
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface


class IKontoEntfernt(Interface):
    """The portal user ``userid`` was deleted."""

    userid = Attribute("the deleted user's id")


class IFachbereichVerlassen(Interface):
    """``userid`` is in no group of the department ``fachbereich`` any more."""

    userid = Attribute("the user's id")
    fachbereich = Attribute("the department folder")


class IFachbereichBetreten(Interface):
    """``userid`` was added to a group of the department ``fachbereich``."""

    userid = Attribute("the user's id")
    fachbereich = Attribute("the department folder")


@implementer(IKontoEntfernt)
class KontoEntfernt:
    def __init__(self, userid):
        self.userid = userid


@implementer(IFachbereichVerlassen)
class FachbereichVerlassen:
    def __init__(self, userid, fachbereich):
        self.userid = userid
        self.fachbereich = fachbereich


@implementer(IFachbereichBetreten)
class FachbereichBetreten:
    def __init__(self, userid, fachbereich):
        self.userid = userid
        self.fachbereich = fachbereich


def _datenbank():
    try:
        return get_datenbank()
    except CannotGetPortalError:  # e.g. a user deleted outside a site
        return None


def fachbereich_der_gruppe(datenbank, group_id):
    """The department folder one of whose groups is ``group_id``, or None."""
    for folder in datenbank.objectValues():
        if folder.portal_type != "Fachbereich" or not getattr(folder, "kuerzel", None):
            continue
        for suffix, _titel, _rolle in FACHBEREICH_GRUPPEN:
            if fachbereich_group_id(folder.kuerzel, suffix) == group_id:
                return folder
    return None


def gehoert_zum_fachbereich(userid, folder):
    """True if ``userid`` is in one of the department's groups."""
    user = api.user.get(userid=userid)
    if user is None:
        return False
    gruppen = set(user.getGroups() or ())
    return any(
        fachbereich_group_id(folder.kuerzel, suffix) in gruppen
        for suffix, _titel, _rolle in FACHBEREICH_GRUPPEN
    )


def benutzer_geloescht(event):
    """PAS ``PrincipalDeleted``: tell ``KontoEntfernt``."""
    if _datenbank() is None:
        return
    notify(KontoEntfernt(event.principal))


def gruppe_verlassen(event):
    """PAS ``PrincipalRemovedFromGroup``: tell ``FachbereichVerlassen`` if the
    user left the last group of a department."""
    datenbank = _datenbank()
    if datenbank is None:
        return
    folder = fachbereich_der_gruppe(datenbank, event.group_id)
    if folder is None or gehoert_zum_fachbereich(event.principal, folder):
        return
    notify(FachbereichVerlassen(event.principal, folder))


def gruppe_betreten(event):
    """PAS ``PrincipalAddedToGroup``: tell ``FachbereichBetreten`` if the
    group is one of a department."""
    datenbank = _datenbank()
    if datenbank is None:
        return
    folder = fachbereich_der_gruppe(datenbank, event.group_id)
    if folder is None:
        return
    notify(FachbereichBetreten(event.principal, folder))
