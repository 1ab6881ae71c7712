"""StA 11 manages who belongs to the database's groups and who holds which
department role on a Fachbereich — and nothing more.

The caller needs the permission "stadtdo.sozialnetz: Manage memberships"
(checked by the page and the service). The scope is checked here, in code,
before anything changes: only groups of this database, only existing users,
never a group or person with a platform role (Manager, Site Administrator),
never one's own rights, never a body role as a local role, never a breach of
the separation of duties. Only then are the (unchecked) PAS and local role
calls made. Every change is recorded by the subscribers (``protokoll``).
"""

from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.lokale_rollen import hat_stand
from stadtdo.sozialnetz.rechte.lokale_rollen import stand_sichern
from stadtdo.sozialnetz.rechte.regeln import grund_gegen_aenderung
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.trennung import grund_gegen
from stadtdo.sozialnetz.rechte.trennung import gruppen_rollen_in_datenbank
from stadtdo.sozialnetz.rechte.trennung import rollen_in_datenbank
from stadtdo.sozialnetz.rechte.umfang import datenbank_gruppen
from stadtdo.sozialnetz.rechte.umfang import FACHBEREICH_ROLLEN
from stadtdo.sozialnetz.rechte.umfang import fachbereiche
from stadtdo.sozialnetz.rechte.umfang import GREMIUM_ROLLEN
from stadtdo.sozialnetz.rechte.umfang import PLATTFORM_ROLLEN
from zope.event import notify
from zope.globalrequest import getRequest
import functools


class NichtErlaubt(AktionAbgelehnt):
    """Outside StA 11's scope or against the separation of duties (403);
    a plain AktionAbgelehnt is an unknown user, folder or role (400)."""


def _abgelehnt(message, field, *, klasse=AktionAbgelehnt):
    return klasse(deutsch(message), field=field)


def _verboten(message, field):
    return _abgelehnt(message, field, klasse=NichtErlaubt)


def _ist_manager():
    return "Manager" in api.user.get_roles()


def _nicht_selbst(principal_id, field):
    if principal_id == api.user.get_current().getId() and not _ist_manager():
        raise _verboten(
            _("Die eigenen Rechte ändert eine andere Person (Vier-Augen-Prinzip)."),
            field,
        )


def _benutzer(userid):
    user = api.user.get(userid=userid) if userid else None
    if user is None:
        raise _abgelehnt(
            _("Benutzer*in „${benutzer}“ gibt es nicht.", mapping={"benutzer": userid}),
            "benutzer",
        )
    if set(user.getRoles()) & PLATTFORM_ROLLEN:
        raise _verboten(
            _(
                "Die Rechte von Administrator*innen werden nicht in der Datenbank "
                "verwaltet."
            ),
            "benutzer",
        )
    return user


def _gruppe(datenbank, gruppe):
    scope = datenbank_gruppen(datenbank)
    group = api.group.get(groupname=gruppe) if gruppe in scope else None
    if group is None:
        raise _verboten(
            _(
                "Die Gruppe „${gruppe}“ gehört nicht zur Datenbank; StA 11 verwaltet "
                "nur die Gruppen der Fachbereiche und der Gremien.",
                mapping={"gruppe": gruppe},
            ),
            "gruppe",
        )
    if set(group.getRoles()) & PLATTFORM_ROLLEN:
        raise _verboten(
            _("Diese Gruppe hat Administrationsrechte und wird hier nicht verwaltet."),
            "gruppe",
        )
    return group


def mitglieder(datenbank):
    """The database's groups with their members, for the page and the service."""
    result = []
    for gruppe in datenbank_gruppen(datenbank).values():
        group = api.group.get(groupname=gruppe.id)
        if group is None:
            continue
        result.append(
            {
                "id": gruppe.id,
                "titel": gruppe.titel,
                "rolle": gruppe.rolle,
                "gremium": gruppe.gremium,
                "ordner": "/".join(gruppe.ordner.getPhysicalPath()[2:]),
                "mitglieder": sorted(group.getGroupMemberIds()),
            }
        )
    return result


def _protokolliert(ziel_name, principal_name):
    """Record a NichtErlaubt (outside the scope, against the rules) of the
    decorated change in the Rechteprotokoll before it reaches the caller."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(datenbank, **kwargs):
            try:
                return func(datenbank, **kwargs)
            except NichtErlaubt as error:
                protokoll.ablehnung_protokollieren(
                    principal=str(kwargs.get(principal_name, "")),
                    ziel=str(kwargs.get(ziel_name, "")),
                    grund=error.message,
                )
                raise

        return wrapper

    return decorator


@_protokolliert("gruppe", "benutzer")
def mitgliedschaft_aendern(datenbank, *, gruppe, benutzer, mitglied):
    """Add ``benutzer`` to ``gruppe`` (``mitglied=True``) or remove them.

    Returns True if the membership changed, False if it already was so.
    Raises AktionAbgelehnt (German message, ``field``) when the change is
    outside StA 11's scope or breaks the separation of duties (NichtErlaubt,
    recorded).
    """
    group = _gruppe(datenbank, gruppe)
    user = _benutzer(benutzer)
    _nicht_selbst(user.getId(), "benutzer")
    ist_mitglied = user.getId() in group.getGroupMemberIds()
    if bool(mitglied) == ist_mitglied:
        return False
    if mitglied:
        neue = gruppen_rollen_in_datenbank(gruppe, datenbank)
        grund = grund_gegen(rollen_in_datenbank(user, datenbank), neue)
        if grund:
            raise NichtErlaubt(grund, field="gruppe")
        api.group.add_user(groupname=gruppe, username=user.getId())
    else:
        api.group.remove_user(groupname=gruppe, username=user.getId())
    return True


def _ordner(datenbank, ordner_id):
    for ordner in fachbereiche(datenbank):
        if ordner.getId() == ordner_id:
            return ordner
    raise _abgelehnt(
        _(
            "„${ordner}“ ist kein Fachbereich der Datenbank.",
            mapping={"ordner": ordner_id},
        ),
        "ordner",
    )


def _principal(principal_id):
    if api.group.get(groupname=principal_id) is not None:
        group = api.group.get(groupname=principal_id)
        if set(group.getRoles()) & PLATTFORM_ROLLEN:
            raise _verboten(
                _(
                    "Diese Gruppe hat Administrationsrechte und wird hier nicht "
                    "verwaltet."
                ),
                "principal",
            )
        return principal_id
    try:
        return _benutzer(principal_id).getId()
    except AktionAbgelehnt as error:
        error.field = "principal"
        raise error


@_protokolliert("ordner", "principal")
def lokale_rolle_aendern(datenbank, *, ordner, principal, rolle, erteilt):
    """Give (``erteilt=True``) or take a department role on a Fachbereich
    folder to or from a user or group.

    Only the department roles, and only to the folder's own group of the
    role (``regeln``); the review bodies' roles are given only through their
    groups. Returns True if something changed.
    """
    if rolle in GREMIUM_ROLLEN:
        raise _verboten(
            _(
                "Die Rollen der Gremien werden nur über die Gruppen der Gremien "
                "vergeben, nicht je Ordner oder Antrag."
            ),
            "rolle",
        )
    if rolle not in FACHBEREICH_ROLLEN:
        raise _abgelehnt(
            _(
                "Die Rolle „${rolle}“ vergibt die Datenbank nicht.",
                mapping={"rolle": rolle},
            ),
            "rolle",
        )
    folder = _ordner(datenbank, ordner)
    principal_id = _principal(principal)
    _nicht_selbst(principal_id, "principal")
    if not hat_stand(folder):
        stand_sichern(folder)
    vorher = set(folder.get_local_roles_for_userid(principal_id))
    nachher = vorher | {rolle} if erteilt else vorher - {rolle}
    if nachher == vorher:
        return False
    abgelehnt = grund_gegen_aenderung(
        folder, [(principal_id, sorted(vorher), sorted(nachher))]
    )
    if abgelehnt:
        raise NichtErlaubt(abgelehnt[1], field="principal")
    if nachher:
        folder.manage_setLocalRoles(principal_id, sorted(nachher))
    else:
        folder.manage_delLocalRoles([principal_id])
    folder.reindexObjectSecurity()
    notify(LocalrolesModifiedEvent(folder, getRequest()))
    return True


def lokale_rollen(datenbank):
    """Per Fachbereich folder the department roles given on it."""
    result = []
    for folder in fachbereiche(datenbank):
        eintraege = []
        for principal, rollen in folder.get_local_roles():
            rollen = sorted(r for r in rollen if r in FACHBEREICH_ROLLEN)
            if rollen:
                eintraege.append({"principal": principal, "rollen": rollen})
        result.append(
            {"ordner": folder.getId(), "titel": folder.Title(), "rollen": eintraege}
        )
    return result
