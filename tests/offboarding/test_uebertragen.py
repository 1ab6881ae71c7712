"""„Verantwortung übertragen“: a pre-filled re-application without the
Persons who left, through the view and REST (``verfahren.schritte``); after
its approval the old Antrag is archived and the flag is gone. Refused for
those who may not re-apply, and for an Antrag without the flag."""

from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import verantwortung
from tests.offboarding.conftest import brain
from tests.offboarding.conftest import RITA
import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def markiert(konto):
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)
    assert verantwortung.ist_markiert(antrag)
    transaction.commit()
    return antrag


def _post(request_factory, userid, antrag):
    auth = (userid, demo_password(userid)) if userid else None
    session = request_factory(basic_auth=auth, api=False)
    session.headers["Accept"] = "application/json"
    return session.post(f"{antrag.absolute_url()}/@verantwortung-uebertragen", json={})


def _neu(antrag):
    transaction.begin()
    (neu,) = erneut.nachkommen(antrag)
    return neu


def test_rest_creates_the_reapplication_without_the_person_who_left(
    request_factory, markiert, add_person, transition, vote
):
    response = _post(request_factory, "mitarbeiter", markiert)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["ohne_personen"] == ["Rita Redakteurin"]
    assert data["antragsart"] == "erneuter_antrag"
    neu = _neu(markiert)
    assert data["@id"] == neu.absolute_url()
    assert neu.vorgaenger == markiert.UID()
    assert neu.kontoname == markiert.kontoname
    personen = [o for o in neu.objectValues() if o.portal_type == "Person"]
    assert [(p.vorname, p.nachname) for p in personen] == [("Erika", "Mustermann")]
    assert api.content.get_state(neu) == "entwurf"

    # the department adds the new person; the re-application is approved
    add_person(neu, vorname="Nina", nachname="Neu", email="nina.neu@stadtdo.example")
    transition(neu, "einreichen", "mitarbeiter")
    assert verantwortung.ist_markiert(markiert)  # in force until approved
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja", "Beratung erfolgt.")
    vote(neu, "poa", "poa", "ja")
    vote(neu, "personalrat", "personalrat", "ja")
    assert api.content.get_state(neu) == "genehmigt"
    assert api.content.get_state(markiert) == "archiviert"
    assert not verantwortung.ist_markiert(markiert)
    assert verantwortung.offene(markiert) == []
    assert {e["erledigt"]["wie"] for e in verantwortung.eintraege(markiert)} == {
        "archiviert"
    }
    assert brain(markiert).verantwortung_klaeren is False
    assert not verantwortung.ist_markiert(neu)
    assert brain(neu).verantwortung_klaeren is False


def test_view_button_goes_to_the_edit_form_with_a_message(browser_as, markiert):
    browser = browser_as("mitarbeiter")
    browser.open(markiert.absolute_url())
    browser.getControl("Verantwortung übertragen").click()
    neu = _neu(markiert)
    assert browser.url == f"{neu.absolute_url()}/edit"
    assert "ohne: Rita Redakteurin" in browser.contents
    assert "neue verantwortliche Person" in browser.contents
    assert "person-1" not in neu.objectIds()


@pytest.mark.parametrize(
    "userid,status", [(None, 401), ("leitung", 403), ("poa", 403), ("agentur", 403)]
)
def test_refused_without_the_right(request_factory, markiert, userid, status):
    response = _post(request_factory, userid, markiert)
    assert response.status_code == status, response.text
    if status == 403:
        assert response.json()["error"]["message"] == (
            "Sie dürfen die Verantwortung für diesen Antrag nicht übertragen."
        )
    transaction.begin()
    assert erneut.nachkommen(markiert) == []


def test_refused_for_an_antrag_without_the_flag(request_factory, antrag_in):
    antrag = antrag_in("genehmigt")
    transaction.commit()
    response = _post(request_factory, "mitarbeiter", antrag)
    assert response.status_code == 400
    assert "Verantwortung klären" in response.json()["error"]["message"]


def test_a_second_time_is_refused_while_the_draft_exists(request_factory, markiert):
    assert _post(request_factory, "mitarbeiter", markiert).status_code == 201
    response = _post(request_factory, "mitarbeiter", markiert)
    assert response.status_code == 400
    assert "bereits einen erneuten Antrag im Entwurf" in response.text


def test_closing_the_account_clears_the_flag(markiert, transition):
    transition(markiert, "einstellen", "mitarbeiter")
    assert verantwortung.offene(markiert) == []
    assert brain(markiert).verantwortung_klaeren is False
