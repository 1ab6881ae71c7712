"""``@benachrichtigungen`` (REST) and ``@@benachrichtigungen`` (page): each
signed-in user sets only their own notification preferences."""

from plone import api
from stadtdo.sozialnetz.notifications import praeferenzen
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def url(portal):
    return f"{portal.absolute_url()}/@benachrichtigungen"


def _stand(userid):
    transaction.begin()
    return praeferenzen.praeferenzen(userid)


def test_anonymous_gets_401(api_as, url):  # noqa: F811
    assert api_as(None).get(url).status_code == 401
    response = api_as(None).patch(url, json={"gremien": {"datenschutz": "taeglich"}})
    assert response.status_code == 401
    assert _stand("datenschutz") == {"datenschutz": "sofort"}


def test_get_lists_only_the_own_bodies(api_as, url):  # noqa: F811
    response = api_as("datenschutz").get(url)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["gremien"] == [
        {"id": "datenschutz", "titel": "Datenschutzbeauftragte*r", "modus": "sofort"}
    ]
    assert [m["id"] for m in data["modi"]] == ["sofort", "taeglich"]
    # a member of no body has nothing to set
    assert api_as("mitarbeiter").get(url).json()["gremien"] == []


def test_patch_sets_the_own_preference(api_as, url):  # noqa: F811
    response = api_as("datenschutz").patch(
        url, json={"gremien": {"datenschutz": "taeglich"}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["gremien"][0]["modus"] == "taeglich"
    assert _stand("datenschutz") == {"datenschutz": "taeglich"}
    assert api_as("datenschutz").get(url).json()["gremien"][0]["modus"] == "taeglich"
    # another user's preference is untouched
    assert _stand("personalrat") == {"personalrat": "sofort"}


@pytest.mark.parametrize(
    "payload,meldung",
    [
        ({"gremien": {"fbl": "taeglich"}}, "Unbekanntes Gremium"),
        ({"gremien": {"datenschutz": "woechentlich"}}, "Unbekannte Einstellung"),
        ({"gremien": {"personalrat": "taeglich"}}, "gehören dem Gremium"),
        ({"gremien": {}}, "je Gremium"),
        # there is no way to name another user
        (
            {"benutzer": "personalrat", "gremien": {"personalrat": "taeglich"}},
            "Unbekanntes Feld",
        ),
    ],
)
def test_bad_patch_is_400_in_german(api_as, url, payload, meldung):  # noqa: F811
    response = api_as("datenschutz").patch(url, json=payload)
    assert response.status_code == 400, response.text
    assert meldung in response.json()["error"]["message"]
    assert _stand("datenschutz") == {"datenschutz": "sofort"}
    assert _stand("personalrat") == {"personalrat": "sofort"}


def test_page_form_saves(browser_as, portal):
    browser = browser_as("datenschutz")
    browser.open(f"{portal.absolute_url()}/@@benachrichtigungen")
    assert browser.headers["status"].startswith("200")
    assert "Meine Benachrichtigungen" in browser.contents
    assert "<legend" in browser.contents
    assert "Datenschutzbeauftragte*r" in browser.contents
    assert "Personalrat" not in browser.contents.split("<form")[1].split("</form>")[0]
    browser.getControl(name="modus_datenschutz").value = ["taeglich"]
    browser.getControl("Speichern").click()
    assert "Ihre Benachrichtigungen wurden gespeichert." in browser.contents
    assert _stand("datenschutz") == {"datenschutz": "taeglich"}


def test_page_refuses_a_post_without_token(browser_as, portal):
    browser = browser_as("datenschutz")
    browser.post(
        f"{portal.absolute_url()}/@@benachrichtigungen",
        "speichern=1&modus_datenschutz=taeglich",
    )
    assert browser.headers["status"].startswith("403")
    assert _stand("datenschutz") == {"datenschutz": "sofort"}


def test_page_for_signed_in_users_only(browser_as, portal):
    browser = browser_as(None)
    browser.open(f"{portal.absolute_url()}/@@benachrichtigungen")
    assert "Meine Benachrichtigungen" not in browser.contents
    assert "require_login" in browser.url or "login" in browser.url


def test_personal_menu_and_my_tasks_link_the_page(browser_as, portal):
    browser = browser_as("datenschutz")
    browser.open(f"{portal.absolute_url()}/soziale-netzwerke/@@meine-aufgaben")
    assert "@@benachrichtigungen" in browser.contents
    actions = api.portal.get_tool("portal_actions")
    assert "benachrichtigungen" in actions.user.objectIds()
    # the personal menu of the toolbar, on any page
    browser.open(portal.absolute_url())
    assert f'href="{portal.absolute_url()}/@@benachrichtigungen"' in browser.contents
    # not offered to anonymous
    anonym = browser_as(None)
    anonym.open(portal.absolute_url())
    assert "@@benachrichtigungen" not in anonym.contents
