"""The process layer (verfahren.schritte) is the only way to take a step, and
each step it records carries its data; the consistency check finds a record
that does not add up."""

from plone import api
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.WorkflowCore import WorkflowException
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren import voten
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.pruefung import abweichungen
from stadtdo.sozialnetz.verfahren.pruefung import pruefen
from stadtdo.sozialnetz.verfahren.sperre import SchrittOhneDaten
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.conftest import ZUSTAND
from tests.services.test_one_path_for_every_step import ACTORS
from tests.services.test_one_path_for_every_step import OHNE_DATEN
from tests.vorrat import bausteine_aus_vorrat
from tests.vorrat import je_zustand
from zExceptions import Unauthorized
import pytest
import random


def _history(antrag):
    return list(antrag.workflow_history.get(WORKFLOW, ()))


@pytest.fixture
def antrag_fuer(antrag_im_zustand_fuer):
    return antrag_im_zustand_fuer


USER_TRANSITIONS = sorted(
    t for t in ZUSTAND if t not in ("beteiligung_genehmigt", "beteiligung_abgelehnt")
)

#: the Anträge of these tests, walked once for the module (tests/vorrat.py)
VORRAT = je_zustand(*sorted(set(ZUSTAND.values())), "zurueckgewiesen")
bausteine = bausteine_aus_vorrat


@pytest.mark.parametrize("transition_id", USER_TRANSITIONS)
@pytest.mark.parametrize(
    "userid", ["admin", "leitung", "poa", "personalrat", "mitarbeiter"]
)
def test_do_action_for_past_the_process_layer_is_refused(
    antrag_fuer, transition_id, userid
):
    """portal_workflow.doActionFor (a script, the ZMI, another add-on) cannot
    record a step — not even as Manager with every role."""
    antrag = antrag_fuer(transition_id)
    before = _history(antrag)
    wf_tool = api.portal.get_tool("portal_workflow")
    with (
        api.env.adopt_user(username=userid),
        pytest.raises((WorkflowException, Unauthorized)),
    ):
        wf_tool.doActionFor(antrag, transition_id, comment="x", votum="ja")
    with (
        api.env.adopt_roles(["Manager"]),
        pytest.raises((WorkflowException, Unauthorized)),
    ):
        wf_tool.doActionFor(antrag, transition_id, comment="x")
    assert _history(antrag) == before


@pytest.mark.parametrize(
    "transition_id,userid",
    [
        ("einreichen", "mitarbeiter"),
        ("genehmigen", "leitung"),
        ("zurueckweisen", "stellvertretung"),
        ("stellungnahme_abgeben", "agentur"),
        ("votum_poa", "poa"),
        ("votum_personalrat", "personalrat"),
        ("rueckfrage_beantworten", "mitarbeiter"),
        ("einstellen", "mitarbeiter"),
    ],
)
def test_the_lock_refuses_the_actor_whom_the_guard_lets_pass(
    antrag_fuer, transition_id, userid
):
    antrag = antrag_fuer(transition_id)
    wf_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=userid):
        (definition,) = wf_tool.getWorkflowsFor(antrag)
        assert definition.isActionSupported(antrag, transition_id)
        with pytest.raises(SchrittOhneDaten) as error:
            wf_tool.doActionFor(antrag, transition_id, comment="x")
    assert "nur über das Verfahren" in str(error.value)


def test_a_forged_schritt_argument_from_a_request_is_no_schritt(antrag_fuer):
    antrag = antrag_fuer("votum_poa")
    wf_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="poa"), pytest.raises(SchrittOhneDaten):
        wf_tool.doActionFor(
            antrag,
            "votum_poa",
            schritt={"transition": "votum_poa"},
            gremium="poa",
            votum="ja",
        )


@pytest.mark.parametrize("transition_id", sorted(ZUSTAND))
def test_process_function_refuses_or_records_for_every_actor(
    antrag_fuer, transition_id
):
    antrag = antrag_fuer(transition_id)
    for userid in ACTORS[1:]:
        before = _history(antrag)
        with api.env.adopt_user(username=userid):
            try:
                schritte.ausfuehren(antrag, transition_id, kommentar="Begründung")
            except (AktionAbgelehnt, Unauthorized):
                assert _history(antrag) == before, (transition_id, userid)
                continue
        allowed = OHNE_DATEN.get(transition_id, set())
        if transition_id == "zurueckweisen":
            allowed = {"leitung", "stellvertretung"}
        assert userid in allowed, (transition_id, userid)
        assert _history(antrag)[-1]["action"] == transition_id
        assert abweichungen(antrag) == []
        antrag = antrag_fuer(transition_id)


@pytest.mark.parametrize(
    "gremium", ["agentur", "datenschutz", "personalrat", "poa", "itsicherheit"]
)
def test_only_the_body_itself_records_its_vote_and_always_with_a_value(
    antrag_in, gremium
):
    antrag = antrag_in(
        "stellungnahme_agentur" if gremium == "agentur" else "beteiligung"
    )
    for userid in ACTORS[1:]:
        before = _history(antrag)
        with api.env.adopt_user(username=userid):
            try:
                schritte.votum(antrag, gremium=gremium, votum="in_bearbeitung")
            except (AktionAbgelehnt, Unauthorized):
                assert _history(antrag) == before
                continue
        assert userid == gremium
        entry = _history(antrag)[-1]
        assert (entry["gremium"], entry["votum"]) == (gremium, "in_bearbeitung")
    assert voten.aktuelles_votum(antrag, gremium)["votum"] == "in_bearbeitung"


def test_zurueckweisen_needs_a_reason(antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    with (
        api.env.adopt_user(username="leitung"),
        pytest.raises(AktionAbgelehnt) as error,
    ):
        schritte.zurueckweisen(antrag, kommentar="   ")
    assert error.value.field == "comment"
    assert api.content.get_state(antrag) == "genehmigung_fbl"


def test_zurueckgewiesen_is_final_and_frozen(antrag_in):
    antrag = antrag_in("zurueckgewiesen")
    assert workflow.ausgaenge("zurueckgewiesen") == ("archivieren",)
    for userid in ACTORS[1:]:
        with api.env.adopt_user(username=userid):
            assert not api.user.has_permission("Modify portal content", obj=antrag)
            assert not api.user.has_permission("Add portal content", obj=antrag)
            assert not api.user.has_permission("Delete objects", obj=antrag)


@pytest.mark.parametrize(
    "userid", ["mitarbeiter", "leitung", "stellvertretung", "dsfachkraft"]
)
def test_zurueckgewiesen_is_readable_by_the_fachbereich_with_its_reason(
    antrag_in, userid
):
    antrag = antrag_in("zurueckgewiesen")
    with api.env.adopt_user(username=userid):
        assert api.user.has_permission("View", obj=antrag)
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        view.update()
        genehmigung = view.genehmigung_fbl()
    assert genehmigung["kommentar"] == "Bitte überarbeiten."
    assert genehmigung["wer"] == "Fachbereichsleitung (Demo)" or genehmigung["wer"]


def test_the_fb_continues_a_returned_antrag_with_a_reapplication(antrag_in):
    antrag = antrag_in("zurueckgewiesen")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(antrag)
    assert api.content.get_state(neu) == "entwurf"
    assert neu.vorgaenger == antrag.UID()


def test_steps_are_refused_when_not_due(antrag_in):
    antrag = antrag_in("genehmigt")
    with (
        api.env.adopt_user(username="leitung"),
        pytest.raises(AktionAbgelehnt) as error,
    ):
        schritte.genehmigen(antrag)
    assert "nicht möglich" in error.value.message


# The consistency check


def _zufaelliger_verlauf(antrag_in, transition, vote, zufall):
    antrag = antrag_in(zufall.choice(["entwurf", "genehmigung_fbl", "beteiligung"]))
    state = api.content.get_state(antrag)
    if state == "genehmigung_fbl" and zufall.random() < 0.5:
        transition(antrag, "zurueckweisen", "leitung", "Bitte überarbeiten.")
    if state == "beteiligung":
        for _ in range(zufall.randint(0, 6)):
            if api.content.get_state(antrag) != "beteiligung":
                break
            gremium = zufall.choice(
                ["datenschutz", "personalrat", "poa", "itsicherheit"]
            )
            if gremium in voten.offene_rueckfragen(antrag):
                with api.env.adopt_user(username="mitarbeiter"):
                    schritte.rueckfrage_beantworten(
                        antrag, gremium=gremium, antwort="Antwort."
                    )
                continue
            votum = zufall.choice(["in_bearbeitung", "ja", "rueckfrage", "nein"])
            vote(antrag, gremium, gremium, votum, "Kommentar.")
    return antrag


def test_consistency_check_passes_over_a_generated_mix(antrag_in, transition, vote):
    zufall = random.Random(20261125)
    antraege = [
        _zufaelliger_verlauf(antrag_in, transition, vote, zufall) for _ in range(12)
    ]
    states = {api.content.get_state(a) for a in antraege}
    assert len(states) >= 3, states  # the mix really is mixed
    assert pruefen() == []


def test_consistency_check_finds_a_vote_without_its_step(antrag_in):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_user(username="poa"):
        voten.eintragen(antrag, "poa", art="votum", votum="ja", kommentar="")
    (befund,) = pruefen()
    assert befund[0] == antrag.antragsnummer
    assert any("poa" in text and "Verlauf" in text for text in befund[2])


def test_consistency_check_finds_stale_catalog_metadata(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    storage = voten._storage(antrag)
    vote(antrag, "poa", "poa", "ja")
    processQueue()  # the catalog now holds "ja"
    # change the record behind the catalog's back (no reindex)
    storage["poa"].eintraege[-1]["votum"] = "nein"
    befunde = pruefen()
    texts = [t for _, _, gefunden in befunde for t in gefunden]
    assert any("im Katalog" in t for t in texts)


def test_jobs_preview_reports_mismatches(antrag_in, portal):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_user(username="poa"):
        voten.eintragen(antrag, "poa", art="votum", votum="ja", kommentar="")
    request = portal.REQUEST
    request.method = "GET"
    with api.env.adopt_roles(["Manager"]):
        text = api.content.get_view("sozialnetz-jobs", portal, request)()
    assert f"Abweichung: Antrag {antrag.antragsnummer}" in text


# Separation of duties at the vote (domain.md § 2)


def _globale_rolle(userid, rolle):
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username=userid, roles=[rolle])


@pytest.mark.parametrize(
    "userid,zweite_rolle,gremium",
    [
        ("poa", "SNPersonalrat", "poa"),
        ("personalrat", "SNPOA", "personalrat"),
        ("datenschutz", "SNITSicherheit", "datenschutz"),
    ],
)
def test_a_voter_with_the_role_of_another_body_is_refused(
    antrag_in, userid, zweite_rolle, gremium
):
    """Even a role given past the membership checks (a global role in the
    ZMI) does not let one person decide for two bodies."""
    antrag = antrag_in("beteiligung")
    _globale_rolle(userid, zweite_rolle)
    before = _history(antrag)
    with api.env.adopt_user(username=userid), pytest.raises(Unauthorized) as error:
        schritte.votum(antrag, gremium=gremium, votum="ja")
    assert "Niemand darf für zwei Gremien abstimmen" in str(error.value)
    assert _history(antrag) == before
    assert voten.aktuelles_votum(antrag, gremium)["votum"] == "offen"


def test_sta11_with_a_body_role_cannot_vote(antrag_in):
    antrag = antrag_in("beteiligung")
    _globale_rolle("sta11", "SNPOA")
    with api.env.adopt_user(username="sta11"), pytest.raises(Unauthorized) as error:
        schritte.votum(antrag, gremium="poa", votum="ja")
    assert "StA 11" in str(error.value)
    assert api.content.get_state(antrag) == "beteiligung"
