"""Votes of the review bodies, Rückfragen and the Kurzansicht."""

from plone import api
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import eintraege
from stadtdo.sozialnetz.verfahren.voten import kurzansicht
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen
from zExceptions import Unauthorized
import pytest


def test_personalrat_cannot_vote_for_poa(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    with pytest.raises(Unauthorized):
        vote(antrag, "personalrat", "poa", "ja")
    assert aktuelles_votum(antrag, "poa")["votum"] == "offen"


@pytest.mark.parametrize(
    "userid", ["mitarbeiter", "leitung", "agentur", "sta11", "admin"]
)
def test_non_members_cannot_vote_for_personalrat(antrag_in, vote, userid):
    antrag = antrag_in("beteiligung")
    with pytest.raises(Unauthorized):
        vote(antrag, userid, "personalrat", "ja")


def test_vote_not_due_before_beteiligung(antrag_in, vote):
    antrag = antrag_in("stellungnahme_agentur")
    with pytest.raises(AktionAbgelehnt) as error:
        vote(antrag, "poa", "poa", "ja")
    assert "nicht vorgesehen" in error.value.message
    assert "Stellungnahme Dortmund-Agentur" in error.value.message


def test_vote_not_due_after_decision(antrag_in, vote):
    """A body that voted cannot vote again once the process has ended (one
    that did not may add its assessment: test_nach_abschluss)."""
    antrag = antrag_in("genehmigt")
    with pytest.raises(AktionAbgelehnt, match="bereits abgestimmt"):
        vote(antrag, "poa", "poa", "nein", "Doch nicht.")


def test_agentur_vote_not_due_in_beteiligung(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    with pytest.raises(AktionAbgelehnt):
        vote(antrag, "agentur", "agentur", "ja")


def test_unknown_value_is_refused_in_german(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    with pytest.raises(AktionAbgelehnt) as error:
        vote(antrag, "poa", "poa", "vielleicht")
    assert error.value.field == "votum"
    assert "Unbekanntes Votum" in error.value.message


def test_unknown_body_is_refused(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    with pytest.raises(AktionAbgelehnt) as error:
        vote(antrag, "poa", "stadtrat", "ja")
    assert error.value.field == "gremium"


@pytest.mark.parametrize("votum", ["nein", "rueckfrage"])
def test_nein_and_rueckfrage_need_a_reason(antrag_in, vote, votum):
    antrag = antrag_in("beteiligung")
    with pytest.raises(AktionAbgelehnt) as error:
        vote(antrag, "datenschutz", "datenschutz", votum, "  ")
    assert error.value.field == "kommentar"


def test_agentur_may_report_progress_before_its_statement(antrag_in, vote):
    antrag = antrag_in("stellungnahme_agentur")
    assert (
        vote(antrag, "agentur", "agentur", "in_bearbeitung") == "stellungnahme_agentur"
    )
    assert vote(antrag, "agentur", "agentur", "ja", "Beraten") == "beteiligung"


def test_history_of_earlier_votes_is_kept(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "in_bearbeitung")
    vote(
        antrag,
        "datenschutz",
        "datenschutz",
        "rueckfrage",
        "Wo steht die Datenschutzerklärung?",
    )
    entries = eintraege(antrag, "datenschutz")
    assert [e["votum"] for e in entries] == ["in_bearbeitung", "rueckfrage"]
    assert entries[-1]["autor"] == "datenschutz"
    assert entries[-1]["autor_name"].startswith("Doris")
    assert entries[-1]["zeit"]


def test_rueckfrage_is_answered_by_the_fachbereich(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "personalrat", "personalrat", "rueckfrage", "Wer vertritt bei Urlaub?")
    assert offene_rueckfragen(antrag) == ["personalrat"]
    with api.env.adopt_user(username="mitarbeiter"):
        schritte.rueckfrage_beantworten(
            antrag, gremium="personalrat", antwort="Frau B. aus dem Team."
        )
    assert offene_rueckfragen(antrag) == []
    assert eintraege(antrag, "personalrat")[-1]["kommentar"] == "Frau B. aus dem Team."
    history = antrag.workflow_history["sozialnetz_antrag_workflow"][-1]
    assert (history["action"], history["actor"], history["gremium"]) == (
        "rueckfrage_beantworten",
        "mitarbeiter",
        "personalrat",
    )


@pytest.mark.parametrize("userid", ["mitarbeiter50", "poa", "dsfachkraft"])
def test_rueckfrage_cannot_be_answered_by_others(antrag_in, vote, userid):
    antrag = antrag_in("beteiligung")
    vote(antrag, "personalrat", "personalrat", "rueckfrage", "Frage")
    with api.env.adopt_user(username=userid), pytest.raises(Unauthorized):
        schritte.rueckfrage_beantworten(
            antrag, gremium="personalrat", antwort="Antwort"
        )


def test_no_answer_without_open_rueckfrage(antrag_in):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_user(username="mitarbeiter"), pytest.raises(AktionAbgelehnt):
        schritte.rueckfrage_beantworten(antrag, gremium="poa", antwort="Antwort")


def test_kurzansicht_has_one_column_per_body_in_notes_order(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "nein", "Bedenken")
    vote(antrag, "poa", "poa", "in_bearbeitung")
    table = kurzansicht(antrag)
    assert [(row["spalte"], row["votum_titel"]) for row in table] == [
        ("FB 3", "Ja"),
        ("Datenschutz", "Nein"),
        ("Personalrat", "offen"),
        ("FB 11", "in Bearbeitung"),
        ("IT-Sicherheit", "offen"),
    ]
