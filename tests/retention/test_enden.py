"""Every personal datum has an end (Anlage 1 Nr. 1, domain.md § 3): one test
per rule, each checking the item, every retrieved version, the catalog and
the free text and comments in which the name was written."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_NAME
from stadtdo.sozialnetz.datenschutz.freitext import ERSATZ
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import eintraege
from tests.retention.helpers import art
from tests.retention.helpers import beendet_am
from tests.retention.helpers import FRIST
from tests.retention.helpers import gefunden
from tests.retention.helpers import retrieved_versions
from tests.retention.helpers import run


HEUTE = date.today()
NACH_FRIST = HEUTE + timedelta(days=FRIST)
VOR_FRIST = HEUTE + timedelta(days=FRIST - 1)
VERTRETUNG = (
    "Erika Mustermann vertritt Herrn Beispiel; Mail an erika.mustermann@stadtdo.de."
)


def _kommentare(antrag):
    return [e.get("comments") or "" for e in antrag.workflow_history[WORKFLOW]]


def _alles_geschwaerzt(antrag, person):
    assert person.nachname == ANONYM_NAME
    for version in retrieved_versions(person):
        assert version.nachname == ANONYM_NAME
        assert "Mustermann" not in version.rechte_aufgaben
    assert "Mustermann" not in antrag.vertretung
    assert ERSATZ in antrag.vertretung
    assert "erika.mustermann" not in antrag.vertretung
    for version in retrieved_versions(antrag):
        assert "Mustermann" not in version.vertretung
    assert not any("Mustermann" in k for k in _kommentare(antrag))
    assert gefunden("Mustermann") == 0


def test_rejected_antrag_ends_the_task_from_the_decision(
    make_antrag, add_person, transition, vote
):
    antrag = make_antrag(vertretung=VERTRETUNG)
    person = add_person(antrag, rechte_aufgaben="Frau Mustermann moderiert.")
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja", "Mit Frau Mustermann beraten.")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "nein", "Mustermann ungeschult.", True)
    assert api.content.get_state(antrag) == "abgelehnt"
    assert gefunden("Mustermann") == 1

    assert art(run(VOR_FRIST), "anonymisierung") == []
    (eintrag,) = art(run(NACH_FRIST), "anonymisierung")

    assert eintrag["antragsnummer"] == antrag.antragsnummer
    _alles_geschwaerzt(antrag, person)
    assert "Antrag abgelehnt" in IDatenschutzstand(antrag).anonymisierungen[0]["grund"]
    kommentare = [e["kommentar"] for e in eintraege(antrag, "personalrat")]
    kommentare += [e["kommentar"] for e in eintraege(antrag, "agentur")]
    assert not any("Mustermann" in k for k in kommentare)
    assert f"{ERSATZ} ungeschult." in kommentare


def test_sent_back_antrag_ends_the_task_from_the_decision(
    make_antrag, add_person, transition
):
    antrag = make_antrag(vertretung=VERTRETUNG)
    person = add_person(antrag)
    transition(antrag, "einreichen", "mitarbeiter")
    transition(
        antrag, "zurueckweisen", "leitung", "Erika Mustermann fehlt die Schulung."
    )
    assert api.content.get_state(antrag) == "zurueckgewiesen"

    assert art(run(VOR_FRIST), "anonymisierung") == []
    assert len(art(run(NACH_FRIST), "anonymisierung")) == 1

    _alles_geschwaerzt(antrag, person)
    assert f"{ERSATZ} fehlt die Schulung." in _kommentare(antrag)


def _erneut_ohne_person(antrag, transition, vote, add_person, *, behalten=False):
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(antrag)
    if not behalten:
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(neu["person"])
        add_person(
            neu,
            nachname="Beispiel",
            vorname="Max",
            email="max.beispiel@stadtdo.de",
        )
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja")
    vote(neu, "poa", "poa", "ja")
    vote(neu, "personalrat", "personalrat", "ja")
    assert api.content.get_state(antrag) == "archiviert"
    return neu


def test_person_left_out_of_approved_reapplication_ends_in_the_predecessor(
    antrag_in, transition, vote, add_person
):
    antrag = antrag_in("genehmigt")
    neu = _erneut_ohne_person(antrag, transition, vote, add_person)

    assert art(run(VOR_FRIST), "anonymisierung") == []
    (eintrag,) = art(run(NACH_FRIST), "anonymisierung")

    assert eintrag["antragsnummer"] == antrag.antragsnummer
    person = antrag["person"]
    assert person.nachname == ANONYM_NAME
    assert {v.nachname for v in retrieved_versions(person)} == {ANONYM_NAME}
    assert (
        "nicht mehr benannt" in IDatenschutzstand(antrag).anonymisierungen[0]["grund"]
    )
    assert "Mustermann" not in str(list(IMitteilungsstand(antrag).systemhaus_auftraege))
    (nachfolger_person,) = [o for o in neu.objectValues() if o.portal_type == "Person"]
    assert nachfolger_person.nachname == "Beispiel"


def test_person_carried_over_stays_in_the_predecessor_while_named(
    antrag_in, transition, vote, add_person
):
    antrag = antrag_in("genehmigt")
    neu = _erneut_ohne_person(antrag, transition, vote, add_person, behalten=True)

    assert art(run(HEUTE + timedelta(days=3 * 365)), "anonymisierung") == []
    assert antrag["person"].nachname == "Mustermann"

    # the copy's task ends: both the copy and the predecessor's Person end
    neu["person"].taetigkeit_bis = HEUTE
    assert len(art(run(NACH_FRIST), "anonymisierung")) == 2
    assert antrag["person"].nachname == ANONYM_NAME
    assert neu["person"].nachname == ANONYM_NAME


def test_attachments_are_deleted_once_all_persons_of_a_closed_antrag_are_gone(
    antrag_in,
):
    antrag = antrag_in("eingestellt", mit_anlage=True)
    assert [o.portal_type for o in antrag.objectValues()].count("Anlage") == 1

    (eintrag,) = art(run(NACH_FRIST), "anonymisierung")

    assert [o.portal_type for o in antrag.objectValues()] == ["Person"]
    assert IDatenschutzstand(antrag).anonymisierungen[0]["anlagen_geloescht"] == 1


def test_attachments_of_a_running_account_stay(antrag_in):
    antrag = antrag_in("genehmigt", mit_anlage=True)
    antrag["person"].taetigkeit_bis = HEUTE
    assert len(art(run(NACH_FRIST), "anonymisierung")) == 1
    assert "Anlage" in [o.portal_type for o in antrag.objectValues()]


def test_migration_note_is_scrubbed(antrag_in):
    from DateTime import DateTime

    antrag = antrag_in("eingestellt")
    antrag.notes_antragsteller = "Erika Mustermann"
    api.portal.get_tool("portal_workflow").setStatusOf(
        WORKFLOW,
        antrag,
        {
            "action": "aus_notes_uebernommen",
            "review_state": "eingestellt",
            "actor": "admin",
            "comments": "aus Notes übernommen (Notes-ID 4711). Notes-Verlauf: "
            "01.02.2020 Mustermann, Erika: beantragt",
            "time": DateTime(),
            "gremium": "",
            "votum": "",
        },
    )

    assert len(art(run(NACH_FRIST), "anonymisierung")) == 1

    notiz = antrag.workflow_history[WORKFLOW][-1]["comments"]
    assert notiz.endswith(f"01.02.2020 {ERSATZ}: beantragt")
    assert antrag.notes_antragsteller == ERSATZ


def test_name_pattern_forms():
    from stadtdo.sozialnetz.datenschutz.freitext import ersetzen
    from stadtdo.sozialnetz.datenschutz.freitext import muster

    pattern = muster(vorname="Erika", nachname="Wald", email="Erika.Wald@stadtdo.de")
    text = (
        "Wald, Erika vertritt; Frau Wald; erika.wald@stadtdo.de; im wald; Schwarzwald"
    )
    assert ersetzen(text, pattern) == (
        f"{ERSATZ} vertritt; Frau {ERSATZ}; {ERSATZ}; im wald; Schwarzwald"
    )


def test_copied_free_text_of_the_reapplication_loses_the_name(
    make_antrag, add_person, transition, vote
):
    antrag = make_antrag(vertretung=VERTRETUNG)
    add_person(antrag)
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    neu = _erneut_ohne_person(antrag, transition, vote, add_person)
    assert "Mustermann" in neu.vertretung  # copied with the data

    run(NACH_FRIST)

    assert "Mustermann" not in antrag.vertretung
    assert "Mustermann" not in neu.vertretung
    assert "Beispiel" in neu.vertretung  # Max Beispiel is still named there
    for version in retrieved_versions(neu):
        assert "Mustermann" not in version.vertretung


def test_free_text_stays_where_the_person_is_still_named(
    antrag_in, transition, vote, add_person
):
    antrag = antrag_in("genehmigt")
    neu = _erneut_ohne_person(antrag, transition, vote, add_person, behalten=True)
    neu.vertretung = VERTRETUNG
    beendet_am(antrag["person"], HEUTE - timedelta(days=FRIST))
    # only the predecessor's copy has ended (its own end date)
    assert len(art(run(HEUTE), "anonymisierung")) == 1
    assert "Mustermann" in neu.vertretung
