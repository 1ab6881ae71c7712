"""Where „Verantwortung klären“ is shown: the Antrag view (with the button
for those who may re-apply), the Übersicht (badge and filter), its CSV,
``@sozialnetz-report`` (JSON and CSV) – all from the catalog."""

from plone import api
from stadtdo.sozialnetz.demo import demo_password
from tests.offboarding.conftest import RITA
import csv
import io
import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def bestand(konto, antrag_in):
    """Two approved accounts of FB 10; Rita left the first one's department."""
    markiert = konto()
    ohne = antrag_in("genehmigt")
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname="fb-10-mitarbeiter", username=RITA)
    transaction.commit()
    return markiert, ohne


def _open(browser_as, userid, url):
    browser = browser_as(userid)
    browser.open(url)
    return browser


def test_antrag_view_shows_the_notice_and_the_button_to_the_clerk(browser_as, bestand):
    markiert, ohne = bestand
    html = _open(browser_as, "mitarbeiter", markiert.absolute_url()).contents
    notice = html.split('class="alert alert-warning sn-verantwortung"')[1]
    notice = notice.split("</section>")[0]
    assert "Verantwortung klären" in notice
    assert "Rita Redakteurin" in notice
    assert "keiner Gruppe des Fachbereichs mehr an" in notice
    assert "Verantwortung übertragen" in notice
    assert 'value="verantwortung"' in notice
    html = _open(browser_as, "mitarbeiter", ohne.absolute_url()).contents
    assert "sn-verantwortung" not in html


@pytest.mark.parametrize("userid", ["leitung", "poa"])
def test_others_see_the_notice_without_the_button(browser_as, bestand, userid):
    markiert, _ = bestand
    html = _open(browser_as, userid, markiert.absolute_url()).contents
    notice = html.split('class="alert alert-warning sn-verantwortung"')[1]
    notice = notice.split("</section>")[0]
    assert "Rita Redakteurin" in notice
    assert 'value="verantwortung"' not in notice


def test_uebersicht_marks_and_filters(browser_as, bestand, datenbank):
    markiert, ohne = bestand
    url = datenbank.absolute_url() + "/@@uebersicht"
    html = _open(browser_as, "poa", url).contents
    assert html.count("sn-verantwortung-klaeren") == 1
    assert 'name="verantwortung"' in html
    html = _open(browser_as, "poa", url + "?verantwortung=1").contents
    assert markiert.antragsnummer in html
    assert ohne.antragsnummer not in html
    assert 'id="sn-verantwortung"' in html and 'checked="checked"' in html


def test_uebersicht_csv_has_the_column(browser_as, bestand, datenbank):
    markiert, ohne = bestand
    browser = _open(
        browser_as, "poa", datenbank.absolute_url() + "/@@uebersicht-export"
    )
    rows = list(
        csv.reader(io.StringIO(browser.contents.lstrip("\ufeff")), delimiter=";")
    )
    assert rows[0][-2:] == ["Verantwortung klären", "Überprüfung überfällig"]
    spalte = {row[0]: row[-2] for row in rows[1:]}
    assert spalte == {markiert.antragsnummer: "ja", ohne.antragsnummer: ""}


def test_report_json_and_csv(request_factory, bestand):
    markiert, ohne = bestand
    session = request_factory(basic_auth=("poa", demo_password("poa")), api=False)
    session.headers["Accept"] = "application/json"
    data = session.get("soziale-netzwerke/@sozialnetz-report").json()
    warnungen = {k["antragsnummer"]: k["warnungen"] for k in data["aktive_konten"]}
    # Rita left: one active person remains
    assert warnungen[markiert.antragsnummer] == [
        "weniger_als_zwei_personen",
        "verantwortung_klaeren",
    ]
    anzahl = {k["antragsnummer"]: k["aktive_personen"] for k in data["aktive_konten"]}
    assert anzahl[markiert.antragsnummer] == 1
    assert "verantwortung_klaeren" not in warnungen[ohne.antragsnummer]
    session.headers["Accept"] = "text/csv"
    response = session.get("soziale-netzwerke/@sozialnetz-report")
    rows = {r["antragsnummer"]: r for r in csv.DictReader(io.StringIO(response.text))}
    assert "verantwortung_klaeren" in rows[markiert.antragsnummer]["warnungen"]
    assert "verantwortung_klaeren" not in rows[ohne.antragsnummer]["warnungen"]


def test_report_filters_the_flag(request_factory, bestand):
    markiert, _ohne = bestand
    session = request_factory(basic_auth=("poa", demo_password("poa")), api=False)
    session.headers["Accept"] = "application/json"
    data = session.get("soziale-netzwerke/@sozialnetz-report?verantwortung=1").json()
    assert [k["antragsnummer"] for k in data["aktive_konten"]] == [
        markiert.antragsnummer
    ]
    assert data["filter"] == {"verantwortung": True}


def test_rest_representation_names_who_left(request_factory, bestand):
    markiert, ohne = bestand
    session = request_factory(
        basic_auth=("mitarbeiter", demo_password("mitarbeiter")), api=False
    )
    session.headers["Accept"] = "application/json"
    data = session.get(markiert.absolute_url()).json()
    (eintrag,) = data["verantwortung_klaeren"]
    assert eintrag["name"] == "Rita Redakteurin"
    assert eintrag["grund"] == "gruppe_verlassen"
    assert "keiner Gruppe des Fachbereichs" in eintrag["text"]
    assert session.get(ohne.absolute_url()).json()["verantwortung_klaeren"] is None
