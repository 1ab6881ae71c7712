"""Concurrent votes and answers (issue 14, item 2).

The bodies voting on the same Antrag at the same moment necessarily write the
same object (its workflow history): the later commits conflict and are
repeated, as Zope's publisher repeats the request (at most
``max-conflict-retries`` times, see instance/etc/zope.conf.in). Every vote and
answer must get through within those repeats, none may be lost. Votes on
different Anträge must not conflict on anything they share.
"""

from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import eintraege
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen
from tests.concurrency.conftest import gleichzeitig
from tests.concurrency.conftest import WIEDERHOLUNGEN
from tests.concurrency.test_creates import HOTSPOTS
import transaction


WORKFLOW = "sozialnetz_antrag_workflow"


def _pfad(antrag):
    return "/".join(antrag.getPhysicalPath())


def _votum(pfad, gremium, votum, kommentar=""):
    def arbeit(portal):
        antrag = portal.unrestrictedTraverse(pfad)
        schritte.votum(antrag, gremium=gremium, votum=votum, kommentar=kommentar)
        return gremium

    return arbeit


def _antwort(pfad, gremium, antwort):
    def arbeit(portal):
        antrag = portal.unrestrictedTraverse(pfad)
        schritte.rueckfrage_beantworten(antrag, gremium=gremium, antwort=antwort)
        return "antwort"

    return arbeit


def _frisch(db, pfad):
    conn = db.open()
    return conn, conn.root()["Application"].unrestrictedTraverse(pfad)


def test_three_bodies_and_the_fb_at_the_same_moment_on_one_antrag(
    functional, antrag_in, vote
):
    db = functional["zodbDB"]
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    vote(antrag, "poa", "poa", "in_bearbeitung")
    pfad = _pfad(antrag)
    transaction.commit()

    ergebnisse = gleichzeitig(
        db,
        [
            ("mitarbeiter", _antwort(pfad, "datenschutz", "Das Team Online.")),
            ("poa", _votum(pfad, "poa", "ja")),
            ("personalrat", _votum(pfad, "personalrat", "ja")),
            ("itsicherheit", lambda portal: None),  # reads only, commits nothing
        ],
        wiederholungen=WIEDERHOLUNGEN,
    )

    assert {status for status, _, _ in ergebnisse} == {"ok"}, ergebnisse
    konflikte = [k for _, _, liste in ergebnisse for k in liste]
    assert konflikte  # they did meet: all three wrote the same Antrag
    conn, frisch = _frisch(db, pfad)
    try:
        assert aktuelles_votum(frisch, "poa")["votum"] == "ja"
        assert aktuelles_votum(frisch, "personalrat")["votum"] == "ja"
        assert offene_rueckfragen(frisch) == []
        assert eintraege(frisch, "datenschutz")[-1]["kommentar"] == "Das Team Online."
        aktionen = [h["action"] for h in frisch.workflow_history[WORKFLOW]]
        for aktion in ("votum_poa", "votum_personalrat", "rueckfrage_beantworten"):
            assert aktionen.count(aktion) == (2 if aktion == "votum_poa" else 1)
        assert frisch.workflow_history[WORKFLOW][-1]["review_state"] == "genehmigt"
    finally:
        conn.close()


def test_votes_on_different_antraege_do_not_conflict_on_a_former_hotspot(
    functional, antrag_in
):
    db = functional["zodbDB"]
    pfade = [_pfad(antrag_in("beteiligung")) for _ in range(4)]
    transaction.commit()

    gremien = ("poa", "datenschutz", "personalrat", "poa")
    ergebnisse = gleichzeitig(
        db,
        [(g, _votum(pfad, g, "ja")) for g, pfad in zip(gremien, pfade, strict=True)],
        wiederholungen=WIEDERHOLUNGEN,
    )

    assert {status for status, _, _ in ergebnisse} == {"ok"}, ergebnisse
    konflikte = [k for _, _, liste in ergebnisse for k in liste]
    assert not [k for k in konflikte if any(h in k for h in HOTSPOTS)], konflikte
    assert not [k for k in konflikte if "content.antrag.Antrag" in k], konflikte
    for gremium, pfad in zip(gremien, pfade, strict=True):
        conn, frisch = _frisch(db, pfad)
        try:
            assert aktuelles_votum(frisch, gremium)["votum"] == "ja"
            assert api.content.get_state(frisch) == "beteiligung"
        finally:
            conn.close()
