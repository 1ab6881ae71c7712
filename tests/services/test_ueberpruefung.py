"""The yearly review answered at its doors (DV § 2, issue 23 item 4): REST
``@ueberpruefung`` and the page ``@@ueberpruefung`` – only the head and
the deputy of the Antrag's department may answer; the rule and its
consequences: tests/notifications/test_ueberpruefung_antwort.py."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.protect.authenticator import createToken
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
from urllib.parse import urlencode
import pytest
import transaction


@pytest.fixture
def gefragt(antrag_in):
    """An approved Antrag (one Person, ``person``) whose review was sent."""
    antrag = antrag_in("genehmigt")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        run_jobs(today=genehmigt_am(antrag) + timedelta(days=400))
    transaction.commit()
    return antrag


@pytest.fixture
def leitung50(portal):
    """The head of another department (FB 50)."""
    api.user.create(
        email="leitung50@stadtdo.example",
        username="leitung50",
        password="demo-leitung50",
    )
    api.group.add_user(groupname="fb-50-leitung", username="leitung50")
    transaction.commit()
    return "leitung50"


WEITERHIN = {"antworten": [{"person": "person", "antwort": "weiterhin"}]}


@pytest.mark.parametrize(
    "userid,status",
    [
        (None, 401),
        ("mitarbeiter", 403),
        ("dsfachkraft", 403),
        ("poa", 403),
        ("sta11", 403),
        ("personalrat", 403),
        ("leitung50", 401),  # cannot even see the other department's Antrag
    ],
)
def test_only_the_head_may_answer_over_rest(
    api_as,  # noqa: F811
    gefragt,
    leitung50,
    userid,
    status,
):
    url = f"{gefragt.absolute_url()}/@ueberpruefung"
    response = api_as(userid).post(url, json=WEITERHIN)
    assert response.status_code == status, response.text
    transaction.begin()
    assert IJobstand(gefragt).ueberpruefung_antworten == ()


def test_the_head_answers_over_rest(api_as, gefragt):  # noqa: F811
    url = f"{gefragt.absolute_url()}/@ueberpruefung"
    stand = api_as("mitarbeiter").get(url).json()
    assert stand["offen"] is True
    assert stand["kann_beantworten"] is False
    assert [p["person"] for p in stand["personen"]] == ["person"]
    assert api_as("leitung").get(url).json()["kann_beantworten"] is True

    ende = (date.today() + timedelta(days=60)).isoformat()
    fehlt = api_as("leitung").post(
        url, json={"antworten": [{"person": "person", "antwort": "aufgabe_endet"}]}
    )
    assert fehlt.status_code == 400
    assert fehlt.json()["error"]["field"] == "datum"
    kaputt = api_as("leitung").post(url, json={"antworten": "weiterhin"})
    assert kaputt.status_code == 400
    assert kaputt.json()["error"]["field"] == "antworten"

    response = api_as("stellvertretung").post(
        url,
        json={
            "antworten": [
                {"person": "person", "antwort": "aufgabe_endet", "datum": ende}
            ],
            "erneut": True,
        },
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["offen"] is False
    assert data["vermerkt"] == 1
    assert data["erneut_stellen"].endswith("/@erneut-stellen")
    (antwort,) = data["antworten"]
    assert antwort["wer"] == "stellvertretung"
    assert antwort["antwort_titel"].startswith("Aufgabe endet am")
    transaction.begin()
    assert gefragt["person"].taetigkeit_bis == date.fromisoformat(ende)
    assert IDatenschutzstandPerson(gefragt["person"]).taetigkeit_bis_vermerkt

    nochmal = api_as("leitung").post(url, json=WEITERHIN)
    assert nochmal.status_code == 400
    assert "keine jährliche Überprüfung" in nochmal.json()["error"]["message"]


def test_the_head_answers_on_the_page(browser_as, gefragt):
    browser = browser_as("leitung")
    browser.open(gefragt.absolute_url())
    assert "Jährliche Überprüfung der Freiwilligkeit" in browser.contents
    browser.getLink("Überprüfung beantworten").click()
    assert browser.url.endswith("/@@ueberpruefung")
    browser.getControl(name="antwort.person").value = ["widerrufen"]
    browser.getControl(name="form.buttons.confirm").click()
    # without the confirmation nothing is recorded
    assert "Bitte bestätigen Sie" in browser.contents
    transaction.begin()
    assert IJobstand(gefragt).ueberpruefung_antworten == ()
    browser.getControl(name="antwort.person").value = ["widerrufen"]
    browser.getControl(name="bestaetigt").value = ["1"]
    browser.getControl(name="form.buttons.confirm").click()
    assert "Die Antwort auf die jährliche Überprüfung wurde vermerkt" in (
        browser.contents
    )
    assert "Jährliche Überprüfung beantwortet" in browser.contents  # Verlauf
    assert "Einwilligung widerrufen am" in browser.contents
    transaction.begin()
    stand = IDatenschutzstandPerson(gefragt["person"])
    assert stand.einwilligung_widerrufen_am == date.today()


@pytest.mark.parametrize("userid", ["mitarbeiter", "poa", "sta11", "leitung50"])
def test_others_are_refused_on_the_page(browser_as, gefragt, leitung50, userid):
    browser = browser_as(userid)
    browser.open(f"{gefragt.absolute_url()}/@@ueberpruefung")
    if userid != "leitung50":  # the other department sees no Antrag at all
        assert "beantworten nur die Fachbereichsleitung" in browser.contents
    assert 'name="form.buttons.confirm"' not in browser.contents
    # a forged POST with the user's own valid authenticator
    with api.env.adopt_user(username=userid):
        token = createToken()
    browser.open(
        f"{gefragt.absolute_url()}/@@ueberpruefung",
        data=urlencode(
            {
                "antwort.person": "weiterhin",
                "bestaetigt": "1",
                "form.buttons.confirm": "1",
                "_authenticator": token,
            }
        ),
    )
    if userid != "leitung50":
        assert "beantworten nur die Fachbereichsleitung" in browser.contents
    transaction.begin()
    assert IJobstand(gefragt).ueberpruefung_antworten == ()


def test_the_page_refuses_a_post_without_authenticator(browser_as, gefragt):
    browser = browser_as("leitung")
    browser.open(
        f"{gefragt.absolute_url()}/@@ueberpruefung",
        data=urlencode(
            {
                "antwort.person": "weiterhin",
                "bestaetigt": "1",
                "form.buttons.confirm": "1",
            }
        ),
    )
    assert browser.headers["status"].startswith("403")
    transaction.begin()
    assert IJobstand(gefragt).ueberpruefung_antworten == ()
