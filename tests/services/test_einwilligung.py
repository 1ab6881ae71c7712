"""Withdrawal of consent (DV § 2, issue 12 item 5): recorded by the
department or StA 11 over REST; the Antrag shows it and the data end from
that day (the mail to the head: tests/notifications/test_einwilligung_mail.py)."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_NAME
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
import pytest
import transaction


@pytest.fixture
def person_url(antrag_in):
    antrag = antrag_in("genehmigt")
    transaction.commit()
    return antrag["person"].absolute_url()


@pytest.mark.parametrize(
    "userid,status",
    [
        (None, 401),
        ("mitarbeiter50", 401),  # cannot even see the other department's Person
        ("personalrat", 403),
        ("datenschutz", 403),
        ("mitarbeiter", 200),
        ("leitung", 200),
        ("sta11", 200),
    ],
)
def test_who_may_record_a_withdrawal(api_as, person_url, userid, status):  # noqa: F811
    response = api_as(userid).post(f"{person_url}/@einwilligung-widerrufen", json={})
    assert response.status_code == status, response.text


def test_withdrawal_is_shown_mailed_and_ends_the_task(
    api_as,  # noqa: F811
    antrag_in,
    portal,
):
    antrag = antrag_in("genehmigt")
    transaction.commit()
    response = api_as("leitung").post(
        f"{antrag['person'].absolute_url()}/@einwilligung-widerrufen", json={}
    )
    assert response.status_code == 200, response.text
    assert response.json()["einwilligung_widerrufen_am"] == date.today().isoformat()
    transaction.begin()

    with api.env.adopt_user(username="personalrat"):
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        (person,) = view.personen()
    assert person["einwilligung"].startswith("Einwilligung widerrufen am")

    again = api_as("leitung").post(
        f"{antrag['person'].absolute_url()}/@einwilligung-widerrufen", json={}
    )
    assert again.status_code == 400

    with api.env.adopt_roles(["Manager"]):
        run_jobs(today=date.today() + timedelta(days=180))
    assert antrag["person"].nachname == ANONYM_NAME
    assert (
        "Einwilligung widerrufen"
        in IDatenschutzstand(antrag).anonymisierungen[0]["grund"]
    )


def test_classic_ui_button_records_the_withdrawal(browser_as, antrag_in):
    antrag = antrag_in("genehmigt")
    browser = browser_as("leitung")
    browser.open(antrag.absolute_url())
    browser.getControl("Widerruf vermerken").click()
    assert "Der Widerruf der Einwilligung wurde vermerkt" in browser.contents
    assert "Einwilligung widerrufen am" in browser.contents
    assert "Widerruf vermerken" not in browser.contents


def test_classic_ui_button_hidden_for_bodies(browser_as, antrag_in):
    antrag = antrag_in("genehmigt")
    browser = browser_as("personalrat")
    browser.open(antrag.absolute_url())
    assert "Widerruf vermerken" not in browser.contents
