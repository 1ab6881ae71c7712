"""``@auskunft`` (DSGVO Art. 15) over REST: per actor allowed / 401 / 403,
as JSON and CSV, before and after anonymisation."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
import pytest
import transaction


AUSKUNFT = "soziale-netzwerke/@auskunft"
NAME = "Erika Mustermann"
EMAIL = "erika.mustermann@stadtdo.de"


@pytest.fixture
def antrag(make_antrag, add_person, transition):
    antrag = make_antrag(vertretung=f"{NAME} und ein Kollege aus FB 10.")
    add_person(antrag)
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "zurueckweisen", "leitung", "Frau Mustermann ist ungeschult.")
    transaction.commit()
    return antrag


@pytest.mark.parametrize(
    "userid,status",
    [
        (None, 401),
        ("mitarbeiter", 403),
        ("leitung", 403),
        ("dsfachkraft", 403),
        ("agentur", 403),
        ("personalrat", 403),
        ("poa", 403),
        ("itsicherheit", 403),
        ("datenschutz", 200),
        ("sta11", 200),
        ("admin", 200),
    ],
)
def test_who_may_ask(api_as, antrag, userid, status):  # noqa: F811
    response = api_as(userid).get(AUSKUNFT, params={"person": EMAIL})
    assert response.status_code == status
    csv = api_as(userid).get(
        AUSKUNFT, params={"person": EMAIL}, headers={"Accept": "text/csv"}
    )
    assert csv.status_code == status


def test_report_lists_person_versions_and_mentions(api_as, antrag):  # noqa: F811
    response = api_as("datenschutz").get(AUSKUNFT, params={"person": NAME})
    assert response.status_code == 200, response.text
    data = response.json()
    (person,) = data["personen"]
    assert person["antragsnummer"] == antrag.antragsnummer
    assert person["felder"]["email"] == EMAIL
    assert person["versionen"]
    assert all(v["felder"]["nachname"] == "Mustermann" for v in person["versionen"])
    stellen = {e["stelle"] for e in data["erwaehnungen"]}
    assert "vertretung" in stellen
    assert "Verlauf: zurueckweisen" in stellen
    assert data["systemhaus_auftraege"] == []  # sent back before approval


def test_report_as_csv(api_as, antrag):  # noqa: F811
    response = api_as("sta11").get(
        AUSKUNFT, params={"person": EMAIL}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    zeilen = response.text.splitlines()
    assert zeilen[0] == "Kategorie,Antrag,Stelle,Inhalt,Zeit"
    assert f"Person,{antrag.antragsnummer},email,{EMAIL}," in zeilen


def test_missing_person_is_400(api_as, antrag):  # noqa: F811
    response = api_as("datenschutz").get(AUSKUNFT)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "person"


def test_anonymised_data_are_no_longer_found(api_as, antrag, portal):  # noqa: F811
    with api.env.adopt_roles(["Manager"]):
        run_jobs(today=date.today() + timedelta(days=180))
    transaction.commit()
    for anfrage in (NAME, EMAIL, "Mustermann"):
        data = api_as("datenschutz").get(AUSKUNFT, params={"person": anfrage}).json()
        assert data["personen"] == []
        assert data["erwaehnungen"] == []
        assert data["systemhaus_auftraege"] == []


def test_readable_page(browser_as, antrag):
    browser = browser_as("datenschutz")
    browser.open(
        f"{api.portal.get().absolute_url()}/soziale-netzwerke/@@auskunft?person={EMAIL}"
    )
    assert "Auskunft über gespeicherte Daten" in browser.contents
    assert antrag.antragsnummer in browser.contents
    browser = browser_as("mitarbeiter")
    browser.open(
        f"{api.portal.get().absolute_url()}/soziale-netzwerke/@@auskunft?person={EMAIL}"
    )
    assert antrag.antragsnummer not in browser.contents
