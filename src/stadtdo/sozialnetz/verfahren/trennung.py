"""Separation of duties (domain § 2) on one Antrag: whoever submitted it
does not approve it or send it back, whoever approved it as head does not
vote on it, and a member of a review body neither approves nor votes for
another body. The rules of the roles themselves (two bodies, StA 11, head
and body) are in ``rechte.trennung``.

``votum_unvereinbar`` is asked before a vote is recorded,
``genehmigung_unvereinbar`` before the head approves or sends back;
``zweite_person_noetig`` tells whether an Antrag waits for a head who may
approve it, ``leitung_fehlt`` whether its department has no head to reach. ``schritte`` raises ``Unvereinbar`` with the reason and records
it (``protokolliert``).
"""

from contextlib import contextmanager
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.leitung import leitung_erreichbar
from stadtdo.sozialnetz.rechte.leitung import leitungen
from stadtdo.sozialnetz.rechte.lokale_rollen import pfad
from stadtdo.sozialnetz.rechte.trennung import benutzer
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.rechte.trennung import gremien_der_rollen
from stadtdo.sozialnetz.rechte.trennung import gremium_titel
from stadtdo.sozialnetz.rechte.trennung import rollen_in
from stadtdo.sozialnetz.rechte.umfang import KOPF_ROLLE
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_ROLLE
from stadtdo.sozialnetz.verfahren.verlauf import akteure
from zExceptions import Unauthorized


def eingereicht_von(antrag):
    """The user id who (last) submitted ``antrag``, or None."""
    wer = akteure(antrag, "einreichen")
    return wer[-1] if wer else None


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
                mapping={"gremium": gremium_titel(gremium)},
            )
        )
    if benutzer(user).getId() in akteure(context, "genehmigen"):
        return deutsch(
            _(
                "Sie haben diesen Antrag als Fachbereichsleitung genehmigt und "
                "stimmen deshalb nicht für „${gremium}“ über ihn ab.",
                mapping={"gremium": gremium_titel(gremium)},
            )
        )
    andere = [g for g in gremien_der_rollen(rollen) if g.id != gremium.id]
    if andere:
        return deutsch(
            _(
                "Sie gehören auch „${andere}“ an. Niemand darf für zwei Gremien "
                "abstimmen; das Votum für „${gremium}“ ist nicht möglich.",
                mapping={
                    "andere": ", ".join(gremium_titel(g) for g in andere),
                    "gremium": gremium_titel(gremium),
                },
            )
        )
    return None


def genehmigung_unvereinbar(user, antrag):
    """A German reason why ``user`` must not approve or send back ``antrag``
    as department head, or None: a member of a review body does not (the
    body votes on it later), nor does the person who submitted it (a second
    person decides: the deputy or another head of the department)."""
    user = benutzer(user)
    gremien = gremien_der_rollen(rollen_in(user, antrag))
    if gremien:
        return deutsch(
            _(
                "Sie gehören „${gremium}“ an. Wer für ein Gremium abstimmt, "
                "genehmigt nicht als Fachbereichsleitung.",
                mapping={"gremium": gremium_titel(gremien[0])},
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


def leitung_fehlt(antrag):
    """True while ``antrag`` waits for the head's approval and its department
    has no head or deputy with a mail address
    (``rechte.leitung.leitung_erreichbar``): nobody is told to approve it, so
    StA 11 is (mail at submission, „Meine Aufgaben“, Übersicht: „Leitung
    fehlt“)."""
    if api.content.get_state(antrag, default=None) != "genehmigung_fbl":
        return False
    return not leitung_erreichbar(antrag)


def zweite_person_noetig(antrag):
    """True while ``antrag`` waits for the head's approval and no head of its
    department but the one who submitted it may give it: then StA 11 adds
    the deputy („Genehmigung durch eine zweite Person nötig“). A department
    with no reachable head at all is ``leitung_fehlt`` instead."""
    if api.content.get_state(antrag, default=None) != "genehmigung_fbl":
        return False
    if not leitung_erreichbar(antrag):
        return False
    return not any(
        genehmigung_unvereinbar(userid, antrag) is None for userid in leitungen(antrag)
    )
