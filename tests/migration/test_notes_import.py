"""Taking over the Notes catalogue from CSV (issue: migration from Notes)."""

from datetime import date
from pathlib import Path
from plone import api
from stadtdo.sozialnetz.migration import import_csv
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
import io
import pytest


BEISPIEL = Path(__file__).parents[2] / "docs" / "notes-export-beispiel.csv"
KOPF = "Notes-ID;Fachbereich;Plattform;Art;Konto;URL;Status;Erstellt;Genehmigt;Antragsteller;Personen;Voten\n"
GUT = "X1;FB 10;Facebook;Seite;Konto;https://fb.example;Genehmigt;01.02.2020;01.03.2020;Schulz, Petra;Schulz, Petra <p@stadtdo.de>;FB 3=Ja | FB 11=Ja\n"


def _import(datenbank, text, **kw):
    with api.env.adopt_roles(["Manager"]):
        return import_csv(datenbank, io.StringIO(text), **kw)


@pytest.fixture
def beispiel(datenbank):
    with BEISPIEL.open(encoding="utf-8") as datei, api.env.adopt_roles(["Manager"]):
        return import_csv(datenbank, datei)


def _alle(**query):
    """Every Antrag matching ``query``, whoever may see it."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="Antrag", **query)


def _by_notes_id(notes_id):
    return _alle(notes_id=notes_id)[0]._unrestrictedGetObject()


def test_sample_is_taken_over_completely(beispiel):
    assert len(beispiel.angelegt) == 6
    assert beispiel.fehler == []


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
def test_recorded_state(beispiel, notes_id, state):
    assert api.content.get_state(_by_notes_id(notes_id)) == state


def test_history_says_taken_over_from_notes(beispiel):
    antrag = _by_notes_id("4A1F0C2E")
    last = antrag.workflow_history["sozialnetz_antrag_workflow"][-1]
    assert last["action"] == "aus_notes_uebernommen"
    assert "aus Notes übernommen" in last["comments"]
    assert "4A1F0C2E" in last["comments"]


def test_data_persons_votes_and_dates(beispiel):
    antrag = _by_notes_id("4A1F0C2E")
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


def test_unknown_platform_becomes_sonstige(beispiel):
    antrag = _by_notes_id("6C3312F1")
    assert (antrag.plattform, antrag.plattform_sonstige) == ("sonstige", "Bluesky")


def test_imported_antraege_follow_the_workflow_rights(beispiel):
    antrag = _by_notes_id("4A1F0C2E")
    with api.env.adopt_user(username="mitarbeiter"):
        assert api.user.has_permission("View", obj=antrag)
        assert not api.user.has_permission("Modify portal content", obj=antrag)
    with api.env.adopt_user(username="mitarbeiter50"):
        assert not api.user.has_permission("View", obj=antrag)


def test_rerun_does_not_duplicate(beispiel, datenbank):
    with BEISPIEL.open(encoding="utf-8") as datei, api.env.adopt_roles(["Manager"]):
        again = import_csv(datenbank, datei)
    assert again.angelegt == [] and len(again.uebersprungen) == 6
    assert len(_alle()) == 6


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
    ],
)
def test_bad_rows_are_reported_with_line_and_skipped(datenbank, zeile, grund):
    ergebnis = _import(datenbank, KOPF + GUT.replace("X1", "X0") + zeile)
    assert len(ergebnis.angelegt) == 1
    ((nr, text),) = ergebnis.fehler
    assert nr == 3
    assert grund in text
    assert f"Zeile 3: {grund}" in ergebnis.zusammenfassung()


def test_missing_columns(datenbank):
    ergebnis = _import(datenbank, "Notes-ID;Fachbereich\nX;FB 10\n")
    assert ergebnis.fehler[0][0] == 1
    assert "Spalten fehlen" in ergebnis.fehler[0][1]


def test_dry_run_creates_nothing(datenbank):
    ergebnis = _import(datenbank, KOPF + GUT, dry_run=True)
    assert ergebnis.angelegt == ["X1"]
    assert len(_alle()) == 0
