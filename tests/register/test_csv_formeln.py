"""The register's CSV on a database with a single official account: a
handle that looks like a formula comes out as text."""

from tests.register.test_offizielle_kanaele import _anonym
from tests.register.test_offizielle_kanaele import SERVICE
import csv
import io
import transaction


def test_csv_cells_cannot_be_formulas(
    request_factory, make_antrag, add_person, transition, vote
):
    antrag = make_antrag(kontoname="=HYPERLINK(1)")
    add_person(antrag)
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    transaction.commit()
    rows = list(
        csv.DictReader(
            io.StringIO(_anonym(request_factory, "text/csv").get(SERVICE).text)
        )
    )
    assert [r["konto"] for r in rows] == ["'=HYPERLINK(1)"]
