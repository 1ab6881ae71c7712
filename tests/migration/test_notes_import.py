"""Taking over the Notes catalogue from CSV (issue: migration from Notes)."""

from datetime import date
from pathlib import Path
from plone import api
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
import pytest


BEISPIEL = Path(__file__).parents[2] / "docs" / "notes-export-beispiel.csv"
KOPF = "Notes-ID;Fachbereich;Plattform;Art;Konto;URL;Status;Erstellt;Genehmigt;Antragsteller;Personen;Voten\n"
GUT = "X1;FB 10;Facebook;Seite;Konto;https://fb.example;Genehmigt;01.02.2020;01.03.2020;Schulz, Petra;Schulz, Petra <p@stadtdo.de>;FB 3=Ja | FB 11=Ja\n"


@pytest.fixture
def beispiel(import_csv):
    return import_csv(BEISPIEL.read_bytes())


def test_sample_is_taken_over_completely(beispiel):
    assert len(beispiel.neu) == 6
    assert beispiel.abgelehnt == []


@pytest.mark.parametrize(
    "notes_id,state",
    [
        ("4A1F0C2E", "genehmigt"),
        ("4A1F0C2F", "beteiligung"),
        ("5B20AA01", "eingestellt"),
        ("5B20AA02", "abgelehnt"),
        ("6C3312F0", "archiviert"),
    ],
)
def test_recorded_state(beispiel, by_notes_id, notes_id, state):
    assert api.content.get_state(by_notes_id(notes_id)) == state


def test_history_says_taken_over_from_notes(beispiel, by_notes_id):
    antrag = by_notes_id("4A1F0C2E")
    last = antrag.workflow_history["sozialnetz_antrag_workflow"][-1]
    assert last["action"] == "aus_notes_uebernommen"
    assert "aus Notes übernommen" in last["comments"]
    assert "4A1F0C2E" in last["comments"]


def test_data_persons_votes_and_dates(beispiel, by_notes_id):
    antrag = by_notes_id("4A1F0C2E")
    assert antrag.fachbereich == "FB 10 – Bürgerdienste"
    assert antrag.plattform == "facebook"
    assert antrag.auftrittsart == "seite"
    assert antrag.kontoname == "Stadt Dortmund Bürgerdienste"
    assert sorted(p.Title() for p in antrag.objectValues()) == [
        "Petra Schulz",
        "Tom Meier",
    ]
    assert aktuelles_votum(antrag, "personalrat")["votum"] == "ja"
    assert genehmigt_am(antrag) == date(2019, 5, 2)
    assert antrag.created().Date() == "2019/03/14"


def test_unknown_platform_becomes_sonstige(beispiel, by_notes_id):
    antrag = by_notes_id("6C3312F1")
    assert (antrag.plattform, antrag.plattform_sonstige) == ("sonstige", "Bluesky")


def test_imported_antraege_follow_the_workflow_rights(beispiel, by_notes_id):
    antrag = by_notes_id("4A1F0C2E")
    with api.env.adopt_user(username="mitarbeiter"):
        assert api.user.has_permission("View", obj=antrag)
        assert not api.user.has_permission("Modify portal content", obj=antrag)
    with api.env.adopt_user(username="mitarbeiter50"):
        assert not api.user.has_permission("View", obj=antrag)


def test_second_run_creates_nothing(beispiel, import_csv):
    again = import_csv(BEISPIEL.read_bytes())
    assert again.neu == [] and len(again.vorhanden) == 6
    assert again.abgelehnt == []
    assert "bereits übernommen als SN-" in again.zusammenfassung()
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 6
    )


@pytest.mark.parametrize(
    "zeile,grund",
    [
        (GUT.replace("FB 10", "FB 99"), "unbekannter Fachbereich 'FB 99'"),
        (GUT.replace("Genehmigt;", "Fertig;", 1), "unbekannter Status 'Fertig'"),
        (GUT.replace("01.02.2020", "31.02.2020"), "„Erstellt“ ist kein Datum"),
        (GUT.replace("X1;", ";", 1), "„Notes-ID“ fehlt"),
        (GUT.replace("<p@stadtdo.de>", "p@stadtdo.de"), "Person nicht lesbar"),
        (GUT.replace("FB 11=Ja", "FB 11=Vielleicht"), "Votum nicht lesbar"),
        (GUT.replace(";01.03.2020;", ";;"), "„Genehmigt“ fehlt"),
        (
            GUT.replace(";Konto;", ";" + "k" * 201 + ";"),
            "„Konto“ ist zu lang: höchstens 200 Zeichen, übergeben 201",
        ),
        (
            GUT.replace("https://fb.example", "javascript:alert(1)//https://x"),
            "„URL“ ist keine Web-Adresse (nur http:// oder https://)",
        ),
        (
            GUT.replace(";Konto;", ';"Konto\nzweite Zeile";'),
            "„Konto“ enthält einen Zeilenumbruch",
        ),
        (
            GUT.replace("Schulz, Petra;", '"Schulz,\r\nPetra";'),
            "„Antragsteller“ enthält einen Zeilenumbruch",
        ),
    ],
)
def test_bad_rows_are_refused_with_line_and_reason(import_csv, zeile, grund):
    ergebnis = import_csv(KOPF + GUT.replace("X1", "X0") + zeile)
    assert len(ergebnis.neu) == 1
    (meldung,) = ergebnis.abgelehnt
    assert meldung.quelle == "Zeile 3"
    assert grund in meldung.text
    assert f"Zeile 3: abgelehnt: {grund}" in ergebnis.zusammenfassung()


def test_all_reasons_of_a_row_at_once(import_csv):
    zeile = GUT.replace("FB 10", "FB 99").replace("Facebook;Seite", "Facebook;Wand")
    (meldung,) = import_csv(KOPF + zeile).abgelehnt
    assert "unbekannter Fachbereich" in meldung.text
    assert "unbekannte Art des Auftritts 'Wand'" in meldung.text


def test_duplicates_within_the_file_are_refused(import_csv):
    ergebnis = import_csv(KOPF + GUT + GUT.replace("Konto", "Anderes Konto"))
    assert [m.quelle for m in ergebnis.neu] == ["Zeile 2"]
    (meldung,) = ergebnis.abgelehnt
    assert meldung.quelle == "Zeile 3"
    assert "Notes-ID X1 steht doppelt in der Datei (zuerst Zeile 2)" in meldung.text
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 1
    )


def test_dry_run_creates_nothing_and_says_what_it_would_do(import_csv):
    ergebnis = import_csv(KOPF + GUT + GUT.replace("FB 10", "FB 99"), probelauf=True)
    assert [m.notes_id for m in ergebnis.neu] == ["X1"]
    assert "Zeile 2: wird angelegt: Notes-ID X1" in ergebnis.zusammenfassung()
    assert "Probelauf: 1 Antrag/Anträge würden angelegt" in ergebnis.zusammenfassung()
    assert (
        len(
            api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="Antrag"
            )
        )
        == 0
    )


def test_dry_run_and_real_run_refuse_with_the_same_words(import_csv):
    text = KOPF + GUT + GUT.replace("X1", "X2").replace("Seite", "Wand")
    probe = import_csv(text, probelauf=True)
    echt = import_csv(text)
    assert probe.abgelehnt == echt.abgelehnt


def test_dry_run_reports_what_already_exists(beispiel, import_csv):
    ergebnis = import_csv(BEISPIEL.read_bytes(), probelauf=True)
    assert ergebnis.neu == [] and len(ergebnis.vorhanden) == 6


def test_real_run_writes_in_batches(import_csv):
    zeilen = "".join(GUT.replace("X1", f"X{i}") for i in range(5))
    stapel = []
    ergebnis = import_csv(
        KOPF + zeilen, stapel=2, nach_stapel=lambda e: stapel.append(len(e.neu))
    )
    assert len(ergebnis.neu) == 5
    assert stapel == [2, 4, 5]
