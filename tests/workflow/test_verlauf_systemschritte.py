"""A Verlauf an auditor can read (issue 23 item 6, first part): the automatic
decision and the archiving of a predecessor are the system's own entries,
credited to nobody who did not act; each vote appears once."""

from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.verlauf import AUTOMATISCH
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW


def _verlauf(antrag):
    return antrag.workflow_history[WORKFLOW]


def test_the_automatic_approval_is_the_systems_entry(antrag_in):
    antrag = antrag_in("genehmigt")
    letzter = _verlauf(antrag)[-1]
    assert letzter["action"] == "beteiligung_genehmigt"
    assert letzter["actor"] == AUTOMATISCH
    assert letzter["gremium"] == "" and letzter["votum"] == ""
    assert letzter["comments"] == "Zustimmung von POA und Personalrat"
    poa_ja = [
        e
        for e in _verlauf(antrag)
        if e.get("gremium") == "poa" and e.get("votum") == "ja"
    ]
    assert len(poa_ja) == 1
    assert poa_ja[0]["action"] == "votum_poa"


def test_the_view_names_the_decision_and_each_vote_once(antrag_in, portal):
    antrag = antrag_in("genehmigt")
    request = portal.REQUEST
    with api.env.adopt_user(username="leitung"):
        view = api.content.get_view("view", antrag, request)
        eintraege = view.verlauf()
    titel = [e["titel"] for e in eintraege]
    assert titel.count("Personal- und Organisationsamt: Ja") == 1
    (entscheidung,) = [e for e in eintraege if e["wer"].startswith("automatisch")]
    assert entscheidung["wer"] == "automatisch (Voten von POA und Personalrat)"
    assert entscheidung["status"] == "Genehmigt"


def test_archiving_a_predecessor_is_the_systems_step_naming_the_successor(
    antrag_in, transition, vote
):
    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja")
    vote(neu, "poa", "poa", "ja")
    vote(neu, "personalrat", "personalrat", "ja")
    assert api.content.get_state(alt) == "archiviert"
    letzter = _verlauf(alt)[-1]
    assert letzter["action"] == "archivieren"
    assert letzter["actor"] == AUTOMATISCH
    assert neu.antragsnummer in letzter["comments"]
