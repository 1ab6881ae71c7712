"""CSV exports neutralise cells a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``, tab, CR at the start)."""

from stadtdo.sozialnetz.berichte.bericht import csv_zelle
from stadtdo.sozialnetz.demo import demo_password
import csv
import io
import pytest
import transaction


FORMELN = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("wert", FORMELN)
def test_csv_zelle_neutralises_formulas(wert):
    assert csv_zelle(wert) == "'" + wert


@pytest.mark.parametrize(
    "wert,zelle",
    [
        ("Stadt Dortmund", "Stadt Dortmund"),
        ("", ""),
        (None, ""),
        (3, 3),
        ("a=b", "a=b"),
    ],
)
def test_csv_zelle_keeps_harmless_values(wert, zelle):
    assert csv_zelle(wert) == zelle


def test_a_handle_starting_with_at_is_written_as_text():
    """Excel reads a leading @ as a function call: handles get the apostrophe."""
    assert csv_zelle("@stadtdortmund") == "'@stadtdortmund"


def _rows(text, delimiter):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


@pytest.mark.parametrize("wert", FORMELN)
def test_both_exports_write_the_account_name_as_text(
    request_factory, antrag_in, make_antrag, add_person, transition, wert
):
    antrag = make_antrag(kontoname=wert)
    add_person(antrag)
    transition(antrag, "einreichen", "mitarbeiter")
    transaction.commit()
    session = request_factory(basic_auth=("poa", demo_password("poa")), api=False)
    uebersicht = session.get("soziale-netzwerke/@@uebersicht-export")
    assert uebersicht.status_code == 200
    (row,) = _rows(uebersicht.text, ";")[1:]
    assert row[3].startswith("'") and row[3][1:].strip() == wert.strip()
    report = session.get(
        "soziale-netzwerke/@sozialnetz-report", headers={"Accept": "text/csv"}
    )
    assert report.status_code == 200
    (row,) = _rows(report.text, ",")[1:]
    konto = row[5]
    assert konto.startswith("'"), konto
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("wert", FORMELN)
def test_art15_report_writes_stored_text_as_text(
    request_factory, make_antrag, add_person, wert
):
    """A Person's free text (and a mention of the name) starting with a
    formula lands in ``@auskunft`` as CSV as text."""
    antrag = make_antrag(vertretung=f"{wert} Erika Mustermann")
    add_person(antrag, rechte_aufgaben=wert)
    transaction.commit()
    session = request_factory(
        basic_auth=("datenschutz", demo_password("datenschutz")), api=False
    )
    response = session.get(
        "soziale-netzwerke/@auskunft",
        params={"person": "erika.mustermann@stadtdo.de"},
        headers={"Accept": "text/csv"},
    )
    assert response.status_code == 200, response.text
    rows = _rows(response.text, ",")
    (aufgaben,) = [r for r in rows if r[0] == "Person" and r[2] == "rechte_aufgaben"]
    assert aufgaben[3] == "'" + wert
    erwaehnungen = [r for r in rows if r[0] == "Erwähnung" and r[2] == "vertretung"]
    assert erwaehnungen
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
