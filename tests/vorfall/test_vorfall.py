"""The incident form "Vorfall melden" (DV § 5): installed by the profile,
linked from every Antrag, open to every signed-in employee; each report is
mailed to the security-concept contact and kept where only the permission
administrators (StA 11) and Managers can read it."""

from collective.easyform.api import get_actions
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from stadtdo.sozialnetz.demo import BENUTZER
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.setuphandlers import post_install
import pytest
import transaction


BESCHREIBUNG = "Unter dem Beitrag vom Montag wurde ich namentlich bedroht."
SICHERHEIT = "sicherheitskonzept@stadtdo.example"


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def formular(datenbank):
    return datenbank["vorfall-melden"]


@pytest.fixture
def sicherheitskonzept(smtp):
    api.portal.set_registry_record(
        "adresse_sicherheitskonzept", SICHERHEIT, interface=ISozialnetzSettings
    )
    transaction.commit()
    return smtp


def _melden(browser, url, beschreibung=BESCHREIBUNG):
    browser.open(url)
    browser.getControl(name="form.widgets.datum").value = "2026-11-20"
    browser.getControl(name="form.widgets.art:list").value = ["Bedrohung"]
    browser.getControl(name="form.widgets.beschreibung").value = beschreibung
    browser.getControl(
        name="form.widgets.fundstelle"
    ).value = "https://www.instagram.com/p/abc123/"
    browser.getControl(name="form.widgets.beweise_gesichert:list").value = ["selected"]
    browser.getControl("Meldung absenden").click()
    return browser


@pytest.fixture
def meldung(browser_as, formular, sicherheitskonzept):
    """One report, sent by ``mitarbeiter`` through the web."""
    browser = _melden(browser_as("mitarbeiter"), formular.absolute_url())
    assert "Vielen Dank für Ihre Meldung" in browser.contents
    sicherheitskonzept.wait_for(1)
    transaction.begin()
    return formular


def test_profile_installs_one_form_in_the_database_folder(formular, datenbank):
    assert formular.portal_type == "EasyForm"
    assert formular.Title() == "Vorfall melden"
    actions = get_actions(formular)
    assert [type(a).__name__ for _, a in actions.namesAndDescriptions(True)] in (
        ["Mailer", "SaveData"],
        ["SaveData", "Mailer"],
    )
    with api.env.adopt_roles(["Manager"]):
        post_install(None)  # a reinstall keeps the form (and its reports)
    assert [o.getId() for o in datenbank.objectValues("Dexterity Item")] == [
        "vorfall-melden"
    ]


@pytest.mark.parametrize("userid", ["mitarbeiter", "mitarbeiter50", "agentur", "sta11"])
def test_every_signed_in_employee_can_open_it(browser_as, formular, userid):
    browser = browser_as(userid)
    browser.open(formular.absolute_url())
    assert browser.headers["status"].startswith("200")
    assert "Was ist passiert?" in browser.contents
    assert browser.getControl(name="form.widgets.replyto").value == (
        f"{userid}@stadtdo.example"
    )


def test_anonymous_cannot_report(browser_as, formular):
    browser = browser_as(None)
    browser.open(formular.absolute_url())
    assert "Was ist passiert?" not in browser.contents
    assert "__ac_password" in browser.contents  # the login form instead


def test_every_antrag_links_to_the_form_with_its_number(
    browser_as, make_antrag, sicherheitskonzept
):
    antrag = make_antrag()
    browser = browser_as("mitarbeiter")
    browser.open(antrag.absolute_url())
    browser.getLink("Vorfall melden").click()
    assert browser.url.endswith(f"/vorfall-melden?antrag={antrag.antragsnummer}")
    assert browser.getControl(name="form.widgets.auftritt").value == (
        antrag.antragsnummer
    )


def test_report_is_mailed_to_the_security_concept_contact(
    browser_as, make_antrag, formular, sicherheitskonzept
):
    antrag = make_antrag()
    transaction.commit()
    browser = _melden(
        browser_as("mitarbeiter"),
        f"{formular.absolute_url()}?antrag={antrag.antragsnummer}",
    )
    assert "Vielen Dank für Ihre Meldung" in browser.contents
    ((empfaenger, mail),) = sicherheitskonzept.wait_for(1)
    assert empfaenger == (SICHERHEIT,)
    assert "Meldung eines Vorfalls" in mail["Subject"]
    assert mail["Reply-To"] == "mitarbeiter@stadtdo.example"
    text = mail.get_body(preferencelist=("html", "plain")).get_content()
    assert BESCHREIBUNG in text
    assert antrag.antragsnummer in text
    assert "Bedrohung" in text


def test_without_a_configured_contact_the_site_address_gets_it(
    browser_as, formular, smtp
):
    api.portal.set_registry_record(
        name="adresse_sicherheitskonzept", value="", interface=ISozialnetzSettings
    )
    transaction.commit()
    browser = _melden(browser_as("mitarbeiter"), formular.absolute_url())
    assert "Vielen Dank für Ihre Meldung" in browser.contents
    ((empfaenger, _),) = smtp.wait_for(1)
    assert empfaenger == ("soziale-netzwerke@stadtdo.example",)


def test_report_is_kept_with_who_sent_it(meldung):
    (zeile,) = get_actions(meldung)["meldungen"].getSavedFormInput()
    assert zeile["beschreibung"] == BESCHREIBUNG
    assert zeile["gemeldet_von"] == "mitarbeiter"
    assert zeile["art"] == "Bedrohung"


def test_missing_description_is_refused_in_german(
    browser_as, formular, sicherheitskonzept
):
    browser = _melden(browser_as("mitarbeiter"), formular.absolute_url(), "")
    assert "Vielen Dank" not in browser.contents
    assert "Erforderliche Eingabe fehlt" in browser.contents
    transaction.begin()
    assert get_actions(formular)["meldungen"].getSavedFormInput() == []
    assert sicherheitskonzept.messages == []


@pytest.mark.parametrize("userid", ["sta11", SITE_OWNER_NAME])
def test_permission_administrators_read_the_reports(browser_as, meldung, userid):
    if userid == SITE_OWNER_NAME:  # the Zope administrator of the test layer
        browser = browser_as(None)
        browser.addHeader(
            "Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
        )
    else:
        browser = browser_as(userid)
    browser.open(f"{meldung.absolute_url()}/@@saveddata")
    assert browser.headers["status"].startswith("200")
    assert BESCHREIBUNG in browser.contents


def test_rest_api_shows_the_reports_to_managers_only(request_factory, meldung):
    manager = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    storage = manager.get(meldung.absolute_url()).json()["savedDataStorage"]
    assert BESCHREIBUNG in str(storage)


@pytest.mark.parametrize("userid", [u for u, *_ in BENUTZER if u != "sta11"] + [None])
def test_nobody_else_reads_the_reports(browser_as, request_factory, meldung, userid):
    url = meldung.absolute_url()
    browser = browser_as(userid)
    for page in ("@@saveddata", "actions/meldungen/@@data"):
        browser.open(f"{url}/{page}")
        assert BESCHREIBUNG not in browser.contents, page

    auth = (userid, demo_password(userid)) if userid else None
    response = request_factory(basic_auth=auth).get(url)
    assert BESCHREIBUNG not in response.text
    assert "savedDataStorage" not in response.text
