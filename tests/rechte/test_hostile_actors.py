"""Hostile actors: every demo actor (StA 11 first of all) tries every
escalation of issue 11 through every URL it can reach — acl_users with a
valid CSRF token, @users, @groups, @sharing, the Sharing page and the ZMI.
All are refused, and nothing changed afterwards."""

from plone import api
from tests.rechte.conftest import AKTEURE
from tests.rechte.conftest import REFUSED
from tests.rechte.conftest import status
from tests.rechte.conftest import teilen
from tests.rechte.conftest import verweigert
import pytest
import transaction


ADMIN_ROLLEN = {"Manager", "Site Administrator"}


def _ist_admin(userid):
    transaction.begin()
    return bool(set(api.user.get_roles(username=userid)) & ADMIN_ROLLEN)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_becomes_manager_through_the_role_manager(web, token, userid):
    response = web(userid).post(
        "acl_users/portal_role_manager/assignRolesToPrincipal",
        data={
            "principal_id": userid,
            "roles:list": "Manager",
            "_authenticator": token(userid),
        },
    )
    assert verweigert(response), status(response)
    assert not _ist_admin(userid)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_becomes_manager_through_the_role_manager_zmi_form(web, token, userid):
    response = web(userid).post(
        "acl_users/portal_role_manager/manage_assignRoleToPrincipals",
        data={
            "role_id": "Manager",
            "principal_ids:list": userid,
            "_authenticator": token(userid),
        },
    )
    assert verweigert(response), status(response)
    assert not _ist_admin(userid)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_joins_administrators_through_the_group_plugin(web, token, userid):
    for group in ("Administrators", "Site Administrators"):
        response = web(userid).post(
            "acl_users/source_groups/manage_addPrincipalsToGroup",
            data={
                "group_id": group,
                "principal_ids:list": userid,
                "_authenticator": token(userid),
            },
        )
        assert verweigert(response), (group, status(response))
    assert not _ist_admin(userid)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_sets_the_poa_password_through_acl_users(web, rest, token, userid):
    response = web(userid).post(
        "acl_users/userSetPassword",
        data={
            "userid": "poa",
            "password": "uebernommen-1234",
            "_authenticator": token(userid),
        },
    )
    assert verweigert(response), status(response)
    response = web(userid).post(
        "acl_users/source_users/manage_updateUserPassword",
        data={
            "user_id": "poa",
            "password": "uebernommen-1234",
            "confirm": "uebernommen-1234",
            "_authenticator": token(userid),
        },
    )
    assert verweigert(response), status(response)
    assert rest("poa").get("@users/poa").status_code == 200  # old password


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_makes_themselves_manager_through_users_api(rest, userid):
    """plone.restapi lets everyone PATCH their own user; without "Plone Site
    Setup: Users and Groups" it ignores the roles (204, nothing changes)."""
    response = rest(userid).patch(
        f"@users/{userid}",
        json={"roles": {"Manager": True, "Site Administrator": True}},
    )
    assert response.status_code in REFUSED + (204,), response.status_code
    assert not _ist_admin(userid)


@pytest.mark.parametrize("userid", [u for u in AKTEURE if u != "poa"])
def test_nobody_sets_another_password_through_users_api(rest, userid):
    response = rest(userid).patch("@users/poa", json={"password": "uebernommen-1234"})
    assert response.status_code in REFUSED, response.status_code
    assert rest("poa").get("@users/poa").status_code == 200


@pytest.mark.parametrize("userid", AKTEURE)
@pytest.mark.parametrize("group", ["Site Administrators", "Administrators"])
def test_nobody_joins_the_admin_groups_through_groups_api(rest, userid, group):
    response = rest(userid).patch(f"@groups/{group}", json={"users": {userid: True}})
    assert response.status_code in REFUSED, response.status_code
    assert not _ist_admin(userid)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_adds_users_to_groups_through_groups_api(rest, userid):
    response = rest(userid).patch(
        "@groups/sn-poa", json={"users": {"mitarbeiter50": True}}
    )
    assert response.status_code in REFUSED, response.status_code
    transaction.begin()
    assert "sn-poa" not in [
        g.id for g in api.group.get_groups(username="mitarbeiter50")
    ]


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_reaches_the_zmi(web, userid):
    for path in (
        "manage_main",
        "soziale-netzwerke/manage_main",
        "acl_users/manage_main",
        "soziale-netzwerke/fb-10/manage_main",
    ):
        response = web(userid).get(path)
        assert verweigert(response), (path, status(response))


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_creates_zmi_objects(web, token, portal, userid):
    response = web(userid).post(
        "manage_addProduct/PythonScripts/manage_addPythonScript",
        data={"id": "hintertuer", "_authenticator": token(userid)},
    )
    assert verweigert(response), status(response)
    transaction.begin()
    assert "hintertuer" not in portal.objectIds()


def VORRAT(bausteine):
    """Built once for the module and committed (tests/vorrat.py)."""
    return bausteine.antrag_in("beteiligung")


@pytest.fixture
def antrag(vorrat):
    return vorrat


def _pfad(obj):
    return "/".join(obj.getPhysicalPath()[2:])


BODY_ROLES = {"SNPOA": True, "SNPersonalrat": True}


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_grants_body_roles_per_antrag_through_sharing_api(rest, antrag, userid):
    response = teilen(rest(userid), _pfad(antrag), userid, BODY_ROLES)
    assert response.status_code in REFUSED, response.status_code
    transaction.begin()
    assert not set(antrag.get_local_roles_for_userid(userid)) & set(BODY_ROLES)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_grants_body_roles_on_the_sharing_page(web, token, antrag, userid):
    response = web(userid).post(
        f"{_pfad(antrag)}/@@sharing",
        data={
            "form.submitted": "1",
            "form.button.Save": "Speichern",
            "entries.id:records": userid,
            "entries.type:records": "user",
            "entries.role_SNPOA:records": "True",
            "entries.role_SNPersonalrat:records": "True",
            "_authenticator": token(userid),
        },
    )
    assert response.status_code in (200, 302) + REFUSED, response.status_code
    transaction.begin()
    assert not set(antrag.get_local_roles_for_userid(userid)) & set(BODY_ROLES)


def test_sta11_gets_a_german_reason_for_body_roles_on_sharing(rest, antrag):
    response = teilen(rest("sta11"), _pfad(antrag), "mitarbeiter", BODY_ROLES)
    assert response.status_code == 403
    assert "nur über die Gruppen der Gremien" in response.json()["error"]["message"]


@pytest.mark.parametrize("userid", ["leitung", "stellvertretung"])
def test_department_heads_cannot_delegate(rest, antrag, userid):
    for path in ("soziale-netzwerke/fb-10", _pfad(antrag)):
        response = teilen(rest(userid), path, "mitarbeiter50", {"SNMitarbeiter": True})
        assert response.status_code in REFUSED, (path, response.status_code)


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_sets_local_roles_through_zope_methods(web, token, antrag, userid):
    """manage_setLocalRoles / manage_addLocalRoles bypass the Sharing page's
    list of roles; Zope protects them with "Change permissions" (Manager)."""
    for obj in (antrag, antrag.aq_parent.aq_parent):
        for methode in ("manage_setLocalRoles", "manage_addLocalRoles"):
            response = web(userid).post(
                f"{_pfad(obj)}/{methode}",
                data={
                    "userid": userid,
                    "roles:list": ["Manager", "SNPOA"],
                    "_authenticator": token(userid),
                },
            )
            assert verweigert(response), (methode, status(response))
            transaction.begin()
            assert obj.get_local_roles_for_userid(userid) == ()


# A Site Administrator keeps Plone's user management, but not the raw
# acl_users methods that skip its checks (issue 11, item 4 depends on it:
# a Site Administrator who became Manager could edit the incident form).


def test_site_administrator_cannot_become_manager_through_acl_users(
    web, token, site_admin
):
    for path, data in (
        (
            "acl_users/portal_role_manager/assignRolesToPrincipal",
            {"principal_id": site_admin, "roles:list": "Manager"},
        ),
        (
            "acl_users/source_groups/manage_addPrincipalsToGroup",
            {"group_id": "Administrators", "principal_ids:list": site_admin},
        ),
        ("acl_users/userSetPassword", {"userid": "poa", "password": "x-12345678"}),
    ):
        data["_authenticator"] = token(site_admin)
        response = web(site_admin).post(path, data=data)
        assert verweigert(response), (path, status(response))
    transaction.begin()
    assert "Manager" not in api.user.get_roles(username=site_admin)


def test_site_administrator_keeps_plones_user_management(rest, web, site_admin):
    session = rest(site_admin)
    response = session.patch("@groups/fb-10-mitarbeiter", json={"users": {"poa": True}})
    assert response.status_code == 204, response.text
    response = session.patch("@users/mitarbeiter50", json={"password": "neu-12345678"})
    assert response.status_code == 204, response.text
    response = session.patch(f"@users/{site_admin}", json={"roles": {"Manager": True}})
    assert response.status_code in REFUSED
    for page in ("@@usergroup-userprefs", "@@usergroup-groupprefs"):
        assert web(site_admin).get(page).status_code == 200, page


def _teilen_seite(web, token, userid, pfad, principal, rolle, typ="user"):
    """Save the Sharing page as a browser does, the box "inherit" ticked."""
    return web(userid).post(
        f"{pfad}/@@sharing",
        data={
            "form.submitted": "1",
            "form.button.Save": "Speichern",
            "inherit": "True",
            "entries.id:records": principal,
            "entries.type:records": typ,
            f"entries.role_{rolle}:records": "True",
            "_authenticator": token(userid),
        },
    )


@pytest.mark.parametrize("principal,typ", [("sta11", "user"), ("sn-sta11", "group")])
def test_sta11_cannot_make_itself_department_head_on_the_sharing_page(
    web, token, fb10, principal, typ
):
    response = _teilen_seite(
        web,
        token,
        "sta11",
        "soziale-netzwerke/fb-10",
        principal,
        "SNFachbereichsleitung",
        typ,
    )
    assert response.status_code == 403, status(response)
    transaction.begin()
    assert fb10.get_local_roles_for_userid(principal) == ()


def test_sta11_gives_department_roles_to_the_folders_groups_on_the_sharing_page(
    web, token, fb10
):
    """Issue 20: a department role goes to the folder's own group (people join
    the group), never to a person directly."""
    fb10.manage_delLocalRoles(["fb-10-mitarbeiter"])
    transaction.commit()
    response = _teilen_seite(
        web,
        token,
        "sta11",
        "soziale-netzwerke/fb-10",
        "fb-10-mitarbeiter",
        "SNMitarbeiter",
        "group",
    )
    assert response.status_code == 200, status(response)
    transaction.begin()
    assert fb10.get_local_roles_for_userid("fb-10-mitarbeiter") == ("SNMitarbeiter",)
    response = _teilen_seite(
        web, token, "sta11", "soziale-netzwerke/fb-10", "mitarbeiter50", "SNMitarbeiter"
    )
    assert response.status_code == 403, status(response)
    transaction.begin()
    assert fb10.get_local_roles_for_userid("mitarbeiter50") == ()


def test_sta11_cannot_change_its_own_roles_through_sharing_api(rest, fb10):
    response = teilen(
        rest("sta11"),
        "soziale-netzwerke/fb-10",
        "sta11",
        {"SNFachbereichsleitung": True},
    )
    assert response.status_code == 403
    assert "Vier-Augen-Prinzip" in response.json()["error"]["message"]


def test_no_path_gives_body_roles_per_antrag(portal, antrag):
    """Even code that fires the Sharing page's event is refused."""
    from plone.app.workflow.events import LocalrolesModifiedEvent
    from zExceptions import Forbidden
    from zope.event import notify

    transaction.begin()
    antrag.manage_setLocalRoles("poa", ["SNPersonalrat"])
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden):
        notify(LocalrolesModifiedEvent(antrag, portal.REQUEST))
    transaction.abort()


@pytest.mark.parametrize("userid", AKTEURE)
def test_nobody_creates_admin_accounts_or_groups(rest, userid):
    session = rest(userid)
    response = session.post(
        "@users",
        json={
            "username": "komplize",
            "email": "komplize@stadtdo.example",
            "password": "komplize-12345",
            "roles": ["Manager"],
        },
    )
    assert response.status_code in REFUSED + (400,), response.status_code
    response = session.post(
        "@groups", json={"groupname": "bande", "roles": ["Manager"], "users": [userid]}
    )
    assert response.status_code in REFUSED, response.status_code
    transaction.begin()
    assert api.user.get(userid="komplize") is None
    assert api.group.get(groupname="bande") is None
