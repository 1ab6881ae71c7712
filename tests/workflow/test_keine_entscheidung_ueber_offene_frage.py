"""No decision over an open question (DV § 4, domain.md §4): while a body's
Rückfrage is unanswered, the Ja of POA and Personalrat (or a final Nein)
decides nothing; the FB's answer then lets the decision follow."""

from plone import api
from stadtdo.sozialnetz.verfahren import schritte
import pytest


def _antworten(antrag, gremium="datenschutz"):
    with api.env.adopt_user(username="mitarbeiter"):
        schritte.rueckfrage_beantworten(
            antrag, gremium=gremium, antwort="Das Team Online moderiert."
        )
    return api.content.get_state(antrag)


def test_approval_waits_for_the_answer_to_an_open_rueckfrage(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    assert vote(antrag, "poa", "poa", "ja") == "beteiligung"
    assert vote(antrag, "personalrat", "personalrat", "ja") == "beteiligung"
    assert _antworten(antrag) == "genehmigt"
    aktionen = [
        e["action"] for e in antrag.workflow_history["sozialnetz_antrag_workflow"]
    ]
    assert aktionen[-2:] == ["rueckfrage_beantworten", "beteiligung_genehmigt"]


def test_a_final_nein_waits_for_the_answer_too(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "itsicherheit", "itsicherheit", "rueckfrage", "Welche Geräte?")
    state = vote(
        antrag,
        "personalrat",
        "personalrat",
        "nein",
        "Nicht freiwillig.",
        endgueltig=True,
    )
    assert state == "beteiligung"
    assert _antworten(antrag, "itsicherheit") == "abgelehnt"


def test_an_answer_without_the_votes_decides_nothing(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    vote(antrag, "poa", "poa", "ja")
    assert _antworten(antrag) == "beteiligung"
    assert vote(antrag, "personalrat", "personalrat", "ja") == "genehmigt"


@pytest.mark.parametrize("gremium", ["poa", "personalrat"])
def test_a_deciding_body_s_own_rueckfrage_blocks_until_answered(
    antrag_in, vote, gremium
):
    antrag = antrag_in("beteiligung")
    andere = "personalrat" if gremium == "poa" else "poa"
    vote(antrag, gremium, gremium, "rueckfrage", "Wie lange?")
    assert vote(antrag, andere, andere, "ja") == "beteiligung"
    assert _antworten(antrag, gremium) == "beteiligung"
    assert vote(antrag, gremium, gremium, "ja") == "genehmigt"
