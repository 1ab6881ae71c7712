"""Issue 20, item 10 (ordinary pages): outside the database folder the add-on
leaves Plone as it is — the four-eyes rule of the database applies inside
it only, through the same function at both doors; Site Administrators have
no Zope "Manage users" (stock Plone 6.2 has none either); the department
roles are offered on Fachbereich folders only."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from Products.CMFCore.utils import _checkPermission
from tests.rechte.conftest import seite_teilen
from tests.rechte.conftest import status
from tests.rechte.conftest import teilen
from tests.rechte.conftest import verweigert
import pytest
import transaction


@pytest.fixture
def seite(portal):
    """An ordinary page outside the database."""
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=portal, type="Document", id="eine-seite")
    transaction.commit()
    return page


def test_site_administrator_changes_own_entry_on_an_ordinary_page_via_rest(
    rest, site_admin, seite
):
    response = teilen(rest(site_admin), "eine-seite", site_admin, {"Reader": True})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert "Reader" in seite.get_local_roles_for_userid(site_admin)


def test_site_administrator_changes_own_entry_on_an_ordinary_page_via_the_page(
    web, token, site_admin, seite
):
    response = seite_teilen(web, token, site_admin, "eine-seite", site_admin, "Reader")
    assert response.status_code in (200, 302), status(response)
    transaction.begin()
    assert "Reader" in seite.get_local_roles_for_userid(site_admin)


def test_inside_the_database_both_doors_apply_the_four_eyes_rule(
    rest, web, token, site_admin, fb10
):
    response = teilen(
        rest(site_admin), "soziale-netzwerke/fb-10", site_admin, {"Reader": True}
    )
    assert response.status_code == 403, response.text
    assert "Vier-Augen-Prinzip" in response.json()["error"]["message"]
    response = seite_teilen(
        web, token, site_admin, "soziale-netzwerke/fb-10", site_admin, "Reader"
    )
    assert response.status_code == 403, status(response)
    assert "Vier-Augen-Prinzip" in response.text
    transaction.begin()
    assert fb10.get_local_roles_for_userid(site_admin) == ()


def test_site_administrator_has_no_zope_user_management(portal, site_admin):
    with api.env.adopt_user(username=site_admin):
        assert not _checkPermission("Manage users", portal)
        assert not _checkPermission("Manage users", portal.acl_users)
        # Plone's own screens stay (tests/rechte/test_hostile_actors.py)
        assert _checkPermission("Plone Site Setup: Users and Groups", portal)


@pytest.mark.parametrize(
    "pfad", ["portal_membership/listMemberIds", "acl_users/source_users/listUserIds"]
)
def test_site_administrator_cannot_list_users_through_tool_methods(
    web, site_admin, pfad
):
    """Stock Plone answers a Site Administrator with the login redirect."""
    response = web(site_admin).get(pfad)
    assert verweigert(response), status(response)
    assert "mitarbeiter50" not in response.text


def test_manager_still_lists_users_through_tool_methods(web):
    response = web(SITE_OWNER_NAME).get("portal_membership/listMemberIds")
    assert response.status_code == 200
    assert "mitarbeiter50" in response.text


def test_ordinary_page_offers_no_department_roles(web, site_admin, seite):
    text = web(site_admin).get("eine-seite/@@sharing").text
    assert "role_Reader" in text
    for rolle in ("SNMitarbeiter", "SNFachbereichsleitung", "SNDatenschutzfachkraft"):
        assert f"role_{rolle}" not in text
