"""Links only to the web (issue 20, item 1).

Every address of an Antrag accepts http/https only – a German 400 naming the
field on REST (POST and PATCH), a German message at the field in the forms,
a refusal in the Notes import. Whatever renders or exports a stored address
(the public register page and its JSON/CSV, the Antrag view, the yearly mail,
the report's CSV) makes a link of it only when it is a web address – tested
with a hostile value stored behind the validator, as an old site may hold
it; the upgrade function empties and lists such values.
"""

from plone import api
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.weblink import adressfelder
from stadtdo.sozialnetz.content.weblink import links_neutralisieren
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.demo import demo_password
from tests.conftest import ANTRAG_DATEN
import ast
import csv
import io
import pytest
import transaction


FB10 = "soziale-netzwerke/fb-10"
FELDER = ("url", "impressum_url", "datenschutzerklaerung_url")
BOESE = [
    "javascript:alert(1)//https://instagram.com/x",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "java\tscript:alert(1)",
    "https:instagram.com/ohne-host",
    "ftp://ftp.example.org/",
]
MELDUNG = "Bitte geben Sie eine Web-Adresse an, die mit http:// oder https:// beginnt"
SCRIPT = "javascript:alert(1)//https://instagram.com/x"


def _errors(response):
    return ast.literal_eval(response.json()["message"])


def _session(request_factory, userid):
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def test_every_address_field_of_the_antrag_is_a_web_address():
    assert sorted(adressfelder(IAntrag)) == sorted(FELDER)


@pytest.mark.parametrize("wert", BOESE)
def test_the_one_check_hands_on_web_addresses_only(wert):
    assert web_adresse(wert) is None
    assert web_adresse("https://www.instagram.com/stadtdortmund/") is not None
    assert web_adresse("http://dortmund.de") == "http://dortmund.de"


@pytest.mark.parametrize("feld", FELDER)
@pytest.mark.parametrize("wert", BOESE[:4])
def test_rest_post_refuses_other_schemes_naming_the_field(
    request_factory, fb10, feld, wert
):
    vorher = len(fb10.objectIds())
    response = _session(request_factory, "mitarbeiter").post(
        FB10, json=dict(ANTRAG_DATEN, **{"@type": "Antrag", feld: wert})
    )
    assert response.status_code == 400, response.text
    (error,) = _errors(response)
    assert error["field"] == feld
    assert MELDUNG in error["message"]
    titel = IAntrag[feld].title
    assert f"„{titel}“" in error["message"]
    transaction.begin()
    assert len(fb10.objectIds()) == vorher


@pytest.mark.parametrize("feld", FELDER)
def test_rest_patch_refuses_and_leaves_the_record(request_factory, make_antrag, feld):
    antrag = make_antrag()
    transaction.commit()
    vorher = getattr(antrag, feld)
    response = _session(request_factory, "mitarbeiter").patch(
        antrag.absolute_url(), json={feld: SCRIPT}
    )
    assert response.status_code == 400, response.text
    (error,) = _errors(response)
    assert error["field"] == feld
    transaction.begin()
    assert getattr(antrag, feld) == vorher


def test_add_form_shows_the_error_at_the_field(browser_as, fb10):
    browser = browser_as("mitarbeiter")
    browser.open(fb10.absolute_url() + "/++add++Antrag")
    browser.getControl(name="form.widgets.impressum_url").value = SCRIPT
    browser.getControl(name="form.buttons.save").click()
    assert MELDUNG in browser.contents
    assert "/++add++Antrag" in browser.url


def test_edit_form_shows_the_error_and_keeps_the_value(browser_as, make_antrag):
    antrag = make_antrag(url="https://www.instagram.com/stadtdortmund/")
    transaction.commit()
    browser = browser_as("mitarbeiter")
    browser.open(antrag.absolute_url() + "/edit")
    browser.getControl(name="form.widgets.url").value = "data:text/html,<b>x</b>"
    browser.getControl(name="form.buttons.save").click()
    assert MELDUNG in browser.contents
    transaction.begin()
    assert antrag.url == "https://www.instagram.com/stadtdortmund/"


@pytest.fixture
def hinter_dem_validator(antrag_in):
    """An approved Antrag whose addresses were stored before the check (set
    directly, as an old site may hold them)."""
    antrag = antrag_in("genehmigt")
    antrag.url = SCRIPT
    antrag.impressum_url = "data:text/html,<script>alert(2)</script>"
    antrag.datenschutzerklaerung_url = "https://www.dortmund.de/datenschutz"
    antrag.reindexObject()
    transaction.commit()
    return antrag


def test_register_page_and_exports_emit_no_script_link(
    request_factory, hinter_dem_validator
):
    anonym = request_factory(api=False)
    page = anonym.get("offizielle-kanaele", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert hinter_dem_validator.kontoname in page.text
    assert "javascript:" not in page.text.lower()
    (konto,) = [
        k
        for k in anonym.get("@offizielle-kanaele").json()["konten"]
        if k["konto"] == hinter_dem_validator.kontoname
    ]
    assert konto["url"] is None
    text = anonym.get("@offizielle-kanaele", headers={"Accept": "text/csv"}).text
    assert "javascript:" not in text.lower()
    rows = list(csv.DictReader(io.StringIO(text)))
    konto = hinter_dem_validator.kontoname
    assert [r["url"] for r in rows if r["konto"].lstrip("'") == konto] == [""]


def test_antrag_view_links_web_addresses_only(browser_as, hinter_dem_validator):
    browser = browser_as("mitarbeiter")
    browser.open(hinter_dem_validator.absolute_url())
    html = browser.contents
    assert 'href="https://www.dortmund.de/datenschutz"' in html
    assert 'href="javascript:' not in html
    assert 'href="data:' not in html
    # the stored value stays readable as text, escaped
    assert "data:text/html,&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_report_csv_and_json_hand_on_web_addresses_only(
    request_factory, hinter_dem_validator
):
    poa = _session(request_factory, "poa")
    report = poa.get("soziale-netzwerke/@sozialnetz-report").json()
    (zeile,) = [
        z
        for z in report["aktive_konten"]
        if z["antragsnummer"] == hinter_dem_validator.antragsnummer
    ]
    assert zeile["url"] is None
    text = poa.get(
        "soziale-netzwerke/@sozialnetz-report", headers={"Accept": "text/csv"}
    ).text
    assert "javascript:" not in text.lower()


def test_yearly_mail_names_web_addresses_only(hinter_dem_validator, fb10):
    from stadtdo.sozialnetz.jobs.jahresuebersicht import _digest_text

    text = _digest_text(fb10, [hinter_dem_validator], 2026)
    assert hinter_dem_validator.kontoname in text
    assert "javascript:" not in text.lower()


def test_upgrade_empties_and_lists_non_web_addresses(hinter_dem_validator, portal):
    with api.env.adopt_roles(["Manager"]):
        geleert = links_neutralisieren(api.portal.get_tool("portal_setup"))
    assert sorted((e["antragsnummer"], e["feld"], e["wert"]) for e in geleert) == [
        (
            hinter_dem_validator.antragsnummer,
            "impressum_url",
            "data:text/html,<script>alert(2)</script>",
        ),
        (hinter_dem_validator.antragsnummer, "url", SCRIPT),
    ]
    assert hinter_dem_validator.url is None
    assert hinter_dem_validator.impressum_url is None
    assert (
        hinter_dem_validator.datenschutzerklaerung_url
        == "https://www.dortmund.de/datenschutz"
    )
    (brain,) = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=hinter_dem_validator.UID()
    )
    assert brain.konto_url is None
    with api.env.adopt_roles(["Manager"]):
        assert links_neutralisieren(None) == []
