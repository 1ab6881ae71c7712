"""Every query parameter of the Übersicht, Meine Aufgaben, the CSV export,
the report and the jobs preview: a hostile value gets a German 400 or is
ignored with a message — never a 5xx."""

from stadtdo.sozialnetz.demo import demo_password
import pytest


#: non-numbers, negatives, unbalanced quotes and brackets, query syntax,
#: NUL, umlauts, markup and 5,000 characters
HOSTILE = [
    "x",
    "-1",
    "'\"(",
    "a AND OR NOT (b",
    "\x00",
    "äöüß€",
    "<script>alert(1)</script>",
    "x" * 5000,
]

PAGES = {
    "soziale-netzwerke/@@uebersicht": (
        "q",
        "fachbereich",
        "plattform",
        "status",
        "sort_on",
        "sort_order",
        "b_start",
        "wartet",
    ),
    "soziale-netzwerke/@@meine-aufgaben": ("q", "status", "b_start", "sort_on"),
    "soziale-netzwerke/@@uebersicht-export": ("q", "fachbereich", "status", "wartet"),
    "soziale-netzwerke/@sozialnetz-report": ("fachbereich", "plattform", "status"),
    "@@sozialnetz-jobs": ("datum",),
}

CASES = [
    (page, parameter, value)
    for page, parameters in PAGES.items()
    for parameter in parameters
    for value in HOSTILE
]


def VORRAT(bausteine):
    """One Antrag in beteiligung, built once for the module (tests/vorrat.py)."""
    return bausteine.antrag_in("beteiligung")


@pytest.fixture
def bestand(vorrat):
    return vorrat


def _session(request_factory, page):
    if "jobs" in page:
        return request_factory(role="Manager", api=False)
    return request_factory(basic_auth=("poa", demo_password("poa")), api=False)


@pytest.mark.parametrize(
    "page,parameter,value",
    CASES,
    ids=[f"{p.rsplit('/', 1)[-1]}-{k}-{HOSTILE.index(v)}" for p, k, v in CASES],
)
def test_hostile_value_never_answers_5xx(
    request_factory, bestand, page, parameter, value
):
    session = _session(request_factory, page)
    accept = "application/json" if page.endswith("report") else "text/html"
    response = session.get(page, params={parameter: value}, headers={"Accept": accept})
    assert response.status_code < 500, (page, parameter, response.text[:500])
    if response.status_code == 400:
        text = response.text
        assert any(word in text for word in ("Unbekannt", "Ungültig", "nicht")), text[
            :300
        ]
    assert "Traceback" not in response.text


def test_listed_parameters_as_lists_never_answer_5xx(request_factory, bestand):
    session = _session(request_factory, "soziale-netzwerke/@@uebersicht")
    for page in (
        "soziale-netzwerke/@@uebersicht",
        "soziale-netzwerke/@@uebersicht-export",
    ):
        response = session.get(
            page + "?status:list=a&status:list=b&q:list=x&b_start:int=-5&sort_on:list=x"
        )
        assert response.status_code < 500, response.text[:500]
