"""``@fruehbeteiligung`` and the generic doors (issue 23 item 5; the rule:
tests/datenschutz/test_fruehbeteiligung.py): REST invites and takes notes
exactly as the page does; neither a PATCH of the checklist nor ``@sharing``
can say „beteiligt“ or give the DSB the draft."""

from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.datenschutz import fruehbeteiligung
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
import pytest
import transaction


@pytest.fixture
def entwurf(antrag_in):
    antrag = antrag_in("entwurf")
    transaction.commit()
    return antrag


def _url(antrag):
    return f"{antrag.absolute_url()}/@fruehbeteiligung"


def test_rest_invites_and_the_dsb_leaves_a_note(api_as, entwurf):  # noqa: F811
    assert api_as("datenschutz").get(entwurf.absolute_url()).status_code in (401, 403)
    stand = api_as("mitarbeiter").get(_url(entwurf)).json()
    assert stand["eingeladen"] is None
    assert stand["moeglich"] == {"einladen": True, "hinweis": False}
    response = api_as("mitarbeiter").post(_url(entwurf), json={"aktion": "einladen"})
    assert response.status_code == 200, response.text
    assert response.json()["eingeladen"]["wer"] == "mitarbeiter"
    assert api_as("datenschutz").get(entwurf.absolute_url()).status_code == 200
    response = api_as("datenschutz").post(
        _url(entwurf), json={"aktion": "hinweis", "text": "Bitte Art. 13 DSGVO."}
    )
    assert response.status_code == 200, response.text
    assert [h["text"] for h in response.json()["hinweise"]] == ["Bitte Art. 13 DSGVO."]
    transaction.begin()
    assert entwurf.datenschutz_beteiligt is True


@pytest.mark.parametrize("userid", ["leitung", "poa", "datenschutz"])
def test_rest_refuses_the_invitation_by_others(api_as, entwurf, userid):  # noqa: F811
    response = api_as(userid).post(_url(entwurf), json={"aktion": "einladen"})
    assert response.status_code in (401, 403), response.text
    transaction.begin()
    assert fruehbeteiligung.Fruehbeteiligung(entwurf).eingeladen is None


def test_rest_unknown_action_and_empty_note_are_400(api_as, entwurf):  # noqa: F811
    response = api_as("mitarbeiter").post(_url(entwurf), json={"aktion": "x"})
    assert response.status_code == 400
    assert "aktion" in response.json()["error"]["message"]
    api_as("mitarbeiter").post(_url(entwurf), json={"aktion": "einladen"})
    response = api_as("datenschutz").post(_url(entwurf), json={"aktion": "hinweis"})
    assert response.status_code == 400
    assert "Hinweis" in response.json()["error"]["message"]


def test_patch_cannot_tick_the_checklist(api_as, entwurf):  # noqa: F811
    response = api_as("mitarbeiter").patch(
        entwurf.absolute_url(), json={"datenschutz_beteiligt": True}
    )
    assert response.status_code in (200, 204), response.text
    transaction.begin()
    assert entwurf.datenschutz_beteiligt is False


@pytest.mark.parametrize("userid", ["mitarbeiter", "admin"])
def test_sharing_cannot_give_the_draft_to_the_dsb(api_as, entwurf, userid):  # noqa: F811
    gruppe = GREMIEN_BY_ID["datenschutz"].gruppe
    api_as(userid).post(
        f"{entwurf.absolute_url()}/@sharing",
        json={
            "entries": [
                {
                    "id": gruppe,
                    "type": "group",
                    "roles": {fruehbeteiligung.ROLLE: True},
                }
            ]
        },
    )
    transaction.begin()
    assert fruehbeteiligung.ROLLE not in dict(entwurf.get_local_roles()).get(gruppe, ())
    with api.env.adopt_user(username="datenschutz"):
        assert not api.user.has_permission("View", obj=entwurf)
