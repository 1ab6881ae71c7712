"""„Meine Aufgaben“ and the filter „überfällig“ narrow the catalog query
before they check each Antrag (for speed at 10,000 Anträge). The narrowing
must never drop a task: for every demo actor the page lists exactly the
Anträge that ``Aufgaben.wartet`` finds among all Anträge the actor sees."""

from DateTime import DateTime
from datetime import date
from plone import api
from stadtdo.sozialnetz.berichte import bericht as reporting
from stadtdo.sozialnetz.browser.uebersicht import aufgaben_fuer
from stadtdo.sozialnetz.browser.uebersicht import MeineAufgabenView
from stadtdo.sozialnetz.browser.uebersicht import UebersichtView
from stadtdo.sozialnetz.demo import BENUTZER
import pytest


@pytest.fixture
def http_request(portal):
    return portal.REQUEST


def VORRAT(bausteine):
    """Built once for the module (tests/vorrat.py)."""
    antraege = [bausteine.make_antrag()]  # a draft
    for state in ("genehmigung_fbl", "stellungnahme_agentur", "genehmigt"):
        antraege.append(bausteine.antrag_in(state))
    antraege.append(bausteine.antrag_im_zustand_fuer("rueckfrage_beantworten"))
    antraege.append(bausteine.antrag_in("zurueckgewiesen"))
    return antraege


@pytest.fixture
def antraege_in_jedem_zustand(vorrat):
    return vorrat


def _pfade(brains):
    return sorted(brain.getPath() for brain in brains)


@pytest.mark.parametrize("userid", [userid for userid, _, _ in BENUTZER])
def test_meine_aufgaben_lists_every_task_of_the_actor(
    userid, antraege_in_jedem_zustand, datenbank, http_request
):
    with api.env.adopt_user(username=userid):
        view = MeineAufgabenView(datenbank, http_request)
        view.__name__ = "meine-aufgaben"
        seite = _pfade(view.brains())
        aufgaben = aufgaben_fuer(datenbank)
        erwartet = _pfade(b for b in reporting.brains(datenbank) if aufgaben.wartet(b))
    assert seite == erwartet


def test_every_state_with_a_task_is_somebodys(antraege_in_jedem_zustand, datenbank):
    """The comparison above is not empty: clerk, head, Agentur and the
    bodies each have something waiting."""
    for userid in ("mitarbeiter", "leitung", "agentur", "poa"):
        with api.env.adopt_user(username=userid):
            aufgaben = aufgaben_fuer(datenbank)
            assert [b for b in reporting.brains(datenbank) if aufgaben.wartet(b)], (
                userid
            )


def test_eingrenzung_keeps_the_chosen_state_filter(
    antraege_in_jedem_zustand, datenbank, http_request
):
    http_request.form["status"] = "genehmigt"  # nothing waits in genehmigt
    with api.env.adopt_user(username="leitung"):
        view = MeineAufgabenView(datenbank, http_request)
        assert list(view.brains()) == []
    http_request.form["status"] = "genehmigung_fbl"
    with api.env.adopt_user(username="leitung"):
        view = MeineAufgabenView(datenbank, http_request)
        assert [b.review_state for b in view.brains()] == ["genehmigung_fbl"]


def test_ueberfaellig_filter_matches_the_deadline_of_each_row(
    antraege_in_jedem_zustand, datenbank, http_request
):
    """Far in the future every open vote is overdue: the narrowed filter
    finds exactly the rows whose next deadline has passed."""
    spaeter = date(2099, 1, 1)
    with api.env.adopt_user(username="poa"):
        alle = list(reporting.brains(datenbank))
        erwartet = _pfade(
            b
            for b in alle
            if reporting.zeile(b)["naechste_frist"]
            and reporting.zeile(b)["naechste_frist"] < spaeter.isoformat()
        )
        assert erwartet  # the Antrag in beteiligung
        gefunden = _pfade(b for b in alle if reporting.ueberfaellig(b, spaeter))
        assert gefunden == erwartet
        http_request.form["ueberfaellig"] = "1"
        view = UebersichtView(datenbank, http_request)
        assert list(view.brains()) == []  # nothing is overdue today


def test_ueberfaellig_lists_a_vote_due_since_last_year(
    antraege_in_jedem_zustand, datenbank, http_request
):
    antrag = antraege_in_jedem_zustand[-2]  # beteiligung, Rückfrage open
    history = antrag.workflow_history["sozialnetz_antrag_workflow"]
    antrag.workflow_history["sozialnetz_antrag_workflow"] = tuple(
        dict(entry, time=DateTime("2025-11-03 09:00")) for entry in history
    )
    antrag.reindexObject()
    http_request.form["ueberfaellig"] = "1"
    for userid, sieht in (("poa", True), ("leitung", True), ("mitarbeiter50", False)):
        with api.env.adopt_user(username=userid):
            view = UebersichtView(datenbank, http_request)
            pfade = _pfade(view.brains())
        assert pfade == (["/".join(antrag.getPhysicalPath())] if sieht else [])
