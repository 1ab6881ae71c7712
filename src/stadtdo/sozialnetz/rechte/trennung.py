"""Separation of duties (domain § 2): nobody holds the voting role of two
review bodies, StA 11, who manages membership, holds none, and nobody is a
department head (SNFachbereichsleitung) and a body member at once; whoever
submitted an Antrag does not approve it.

``votum_unvereinbar`` is asked before a vote is recorded,
``genehmigung_unvereinbar`` before the head approves or sends back,
``grund_gegen`` before a membership or local role is given;
``zweite_person_noetig`` tells whether an Antrag waits for a head who may
approve it.
"""

from Acquisition import aq_base
from contextlib import contextmanager
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.lokale_rollen import pfad
from stadtdo.sozialnetz.rechte.umfang import fachbereiche
from stadtdo.sozialnetz.rechte.umfang import KOPF_ROLLE
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_ROLLE
from stadtdo.sozialnetz.verfahren.verlauf import akteure
from zExceptions import Unauthorized
from zope.i18n import translate


def deutsch(message):
    """``message`` in German (the msgids are the German texts)."""
    return translate(message, domain="stadtdo.sozialnetz", target_language="de")


def _benutzer(user):
    if isinstance(user, str):
        found = api.user.get(userid=user)
        if found is None:
            raise ValueError(f"Unknown user {user!r}")
        return found
    return user


def _titel(gremium):
    return deutsch(gremium.titel)


def rollen_in(user, context):
    """Every role ``user`` holds on ``context``: global, through groups and
    local roles along the acquisition chain."""
    return frozenset(_benutzer(user).getRolesInContext(context))


def rollen_in_datenbank(user, datenbank):
    """Every role ``user`` holds on the database folder or on one of its
    Fachbereich folders (a head is head on the folder, not on the database)."""
    user = _benutzer(user)
    rollen = set(user.getRolesInContext(datenbank))
    for ordner in fachbereiche(datenbank):
        rollen.update(user.getRolesInContext(ordner))
    return frozenset(rollen)


def gruppen_rollen_in_datenbank(group_id, datenbank):
    """The roles group ``group_id`` gives on the database or one of its
    Fachbereich folders."""
    rollen = set()
    for ordner in [datenbank, *fachbereiche(datenbank)]:
        rollen.update(api.group.get_roles(groupname=group_id, obj=ordner, inherit=True))
    return frozenset(rollen)


def eingereicht_von(antrag):
    """The user id who (last) submitted ``antrag``, or None."""
    wer = akteure(antrag, "einreichen")
    return wer[-1] if wer else None


def gremien_der_rollen(rollen):
    """The review bodies whose role is among ``rollen``, in table order."""
    return [gremium for gremium in GREMIEN if gremium.rolle in rollen]


def votum_unvereinbar(user, gremium_id, context):
    """A German reason why ``user`` must not vote for ``gremium_id`` on
    ``context``, or None.

    ``user`` is a user object or a user id. The user must not be StA 11
    (role SNBerechtigungsverwaltung) and must not hold the role of another
    review body on ``context`` — through any group, global or local role.
    Raises KeyError for an unknown ``gremium_id``.
    """
    gremium = GREMIEN_BY_ID[gremium_id]
    rollen = rollen_in(user, context)
    if VERWALTUNG_ROLLE in rollen:
        return deutsch(
            _(
                "Die Berechtigungsverwaltung (StA 11) gibt kein Votum ab: Wer "
                "Rechte vergibt, entscheidet nicht über Anträge."
            )
        )
    if KOPF_ROLLE in rollen:
        return deutsch(
            _(
                "Sie sind Fachbereichsleitung des Fachbereichs dieses Antrags. Wer "
                "einen Antrag als Vorgesetzte*r genehmigt, stimmt nicht für ein "
                "Gremium über ihn ab; das Votum für „${gremium}“ ist nicht möglich.",
                mapping={"gremium": _titel(gremium)},
            )
        )
    if _benutzer(user).getId() in akteure(context, "genehmigen"):
        return deutsch(
            _(
                "Sie haben diesen Antrag als Fachbereichsleitung genehmigt und "
                "stimmen deshalb nicht für „${gremium}“ über ihn ab.",
                mapping={"gremium": _titel(gremium)},
            )
        )
    andere = [g for g in gremien_der_rollen(rollen) if g.id != gremium.id]
    if andere:
        return deutsch(
            _(
                "Sie gehören auch „${andere}“ an. Niemand darf für zwei Gremien "
                "abstimmen; das Votum für „${gremium}“ ist nicht möglich.",
                mapping={
                    "andere": ", ".join(_titel(g) for g in andere),
                    "gremium": _titel(gremium),
                },
            )
        )
    return None


def grund_gegen(rollen_vorher, neue_rollen):
    """A German reason why holding ``neue_rollen`` in addition to
    ``rollen_vorher`` breaks the separation of duties, or None.

    Only a change that adds a body role or StA 11's role is judged, so an
    unrelated change (e.g. a department group) is never refused because of
    an older state.
    """
    neue_rollen = frozenset(neue_rollen)
    body_or_admin = {g.rolle for g in GREMIEN} | {VERWALTUNG_ROLLE, KOPF_ROLLE}
    if not neue_rollen & body_or_admin:
        return None
    nachher = frozenset(rollen_vorher) | neue_rollen
    gremien = gremien_der_rollen(nachher)
    if VERWALTUNG_ROLLE in nachher and gremien:
        return deutsch(
            _(
                "Die Berechtigungsverwaltung (StA 11) darf keinem Gremium angehören "
                "(hier: „${gremium}“). Wer Rechte vergibt, stimmt nicht ab.",
                mapping={"gremium": ", ".join(_titel(g) for g in gremien)},
            )
        )
    if len(gremien) > 1:
        return deutsch(
            _(
                "Niemand darf die Rollen zweier Gremien haben; die Person gehörte "
                "danach zu „${gremien}“.",
                mapping={"gremien": "“, „".join(_titel(g) for g in gremien)},
            )
        )
    if KOPF_ROLLE in nachher and gremien:
        return deutsch(
            _(
                "Niemand ist zugleich Fachbereichsleitung und Mitglied eines "
                "Gremiums (hier: „${gremium}“): Wer als Vorgesetzte*r genehmigt, "
                "stimmt nicht im Gremium ab.",
                mapping={"gremium": _titel(gremien[0])},
            )
        )
    return None


def genehmigung_unvereinbar(user, antrag):
    """A German reason why ``user`` must not approve or send back ``antrag``
    as department head, or None: a member of a review body does not (the
    body votes on it later), nor does the person who submitted it (a second
    person decides: the deputy or another head of the department)."""
    user = _benutzer(user)
    gremien = gremien_der_rollen(rollen_in(user, antrag))
    if gremien:
        return deutsch(
            _(
                "Sie gehören „${gremium}“ an. Wer für ein Gremium abstimmt, "
                "genehmigt nicht als Fachbereichsleitung.",
                mapping={"gremium": _titel(gremien[0])},
            )
        )
    if user.getId() == eingereicht_von(antrag):
        return deutsch(
            _(
                "Sie haben diesen Antrag eingereicht. Genehmigen oder zurückweisen "
                "muss ihn eine zweite Person: die Stellvertretung oder eine andere "
                "Fachbereichsleitung des Fachbereichs."
            )
        )
    return None


class Unvereinbar(Unauthorized):
    """A step refused by the separation of duties; ``grund`` is German."""

    def __init__(self, grund):
        super().__init__(grund)
        self.grund = grund


@contextmanager
def protokolliert(antrag):
    """Record in the Rechteprotokoll an ``Unvereinbar`` raised inside (a step
    taken, not asked: ``schritte.moegliche_schritte`` records nothing)."""
    try:
        yield
    except Unvereinbar as error:
        protokoll.ablehnung_protokollieren(
            principal=api.user.get_current().getId() or "",
            ziel=pfad(antrag),
            grund=error.grund,
        )
        raise


def _kopf_kandidaten(antrag):
    """User ids holding the head role on ``antrag`` through a local role
    along its acquisition chain (directly or through a group)."""
    userids = set()
    for obj in antrag.aq_chain:
        lokale = getattr(aq_base(obj), "__ac_local_roles__", None) or {}
        for principal, rollen in lokale.items():
            if KOPF_ROLLE not in rollen:
                continue
            if api.group.get(groupname=principal) is not None:
                userids.update(
                    u.getId() for u in api.user.get_users(groupname=principal)
                )
            elif api.user.get(userid=principal) is not None:
                userids.add(principal)
        if getattr(aq_base(obj), "__ac_local_roles_block__", False):
            break
        if obj is api.portal.get():
            break
    return userids


def zweite_person_noetig(antrag):
    """True while ``antrag`` waits for the head's approval and no head of its
    department but the one who submitted it may give it: then StA 11 adds
    the deputy („Genehmigung durch eine zweite Person nötig“)."""
    if api.content.get_state(antrag, default=None) != "genehmigung_fbl":
        return False
    return not any(
        genehmigung_unvereinbar(userid, antrag) is None
        for userid in _kopf_kandidaten(antrag)
    )
