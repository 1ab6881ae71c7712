"""StA 11 manages the database's groups and department roles through its own
scoped service (@rechte-mitglieder, @rechte-lokale-rollen) and page
(@@rechte-verwalten) — and nobody else does, and nothing outside the scope."""

from plone import api
from tests.rechte.conftest import AKTEURE
from tests.rechte.conftest import mitglied
from tests.rechte.conftest import MITGLIEDER
from tests.rechte.conftest import REFUSED
from tests.rechte.conftest import verweigert
import pytest
import transaction


LOKALE_ROLLEN = "soziale-netzwerke/@rechte-lokale-rollen"


def _gruppen_von(userid):
    transaction.begin()
    return {g.id for g in api.group.get_groups(username=userid)}


def test_sta11_adds_and_removes_a_department_member(rest):
    sta11 = rest("sta11")
    response = mitglied(sta11, "fb-50-leitung", "stellvertretung")
    assert response.status_code == 200, response.text
    assert response.json()["geaendert"] is True
    assert "fb-50-leitung" in _gruppen_von("stellvertretung")

    response = mitglied(sta11, "fb-50-leitung", "stellvertretung", False)
    assert response.status_code == 200, response.text
    assert "fb-50-leitung" not in _gruppen_von("stellvertretung")


def test_sta11_adds_a_body_member(rest):
    response = mitglied(rest("sta11"), "sn-itsicherheit", "mitarbeiter50")
    assert response.status_code == 200, response.text
    assert "sn-itsicherheit" in _gruppen_von("mitarbeiter50")


def test_sta11_lists_the_database_groups_only(rest):
    gruppen = rest("sta11").get(MITGLIEDER).json()["gruppen"]
    ids = {g["id"] for g in gruppen}
    assert {"fb-10-mitarbeiter", "fb-50-leitung", "sn-poa", "sn-personalrat"} <= ids
    assert not ids & {"Administrators", "Site Administrators", "sn-sta11"}
    poa = next(g for g in gruppen if g["id"] == "sn-poa")
    assert poa["mitglieder"] == ["poa"]


@pytest.mark.parametrize(
    "gruppe", ["Administrators", "Site Administrators", "sn-sta11", "Reviewers"]
)
def test_sta11_cannot_touch_groups_outside_the_database(rest, gruppe):
    response = mitglied(rest("sta11"), gruppe, "mitarbeiter")
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "gruppe"
    assert "gehört nicht zur Datenbank" in response.json()["error"]["message"]
    assert gruppe not in _gruppen_von("mitarbeiter")


def test_sta11_cannot_add_users_who_do_not_exist(rest):
    response = mitglied(rest("sta11"), "fb-10-mitarbeiter", "niemand")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "benutzer"
    assert "gibt es nicht" in response.json()["error"]["message"]


def test_sta11_cannot_change_its_own_memberships(rest):
    response = mitglied(rest("sta11"), "fb-10-leitung", "sta11")
    assert response.status_code == 403
    assert "Vier-Augen-Prinzip" in response.json()["error"]["message"]
    assert "fb-10-leitung" not in _gruppen_von("sta11")


def test_sta11_cannot_manage_site_administrators(rest, site_admin):
    response = mitglied(rest("sta11"), "fb-10-mitarbeiter", site_admin)
    assert response.status_code == 403
    assert "Administrator*innen" in response.json()["error"]["message"]


@pytest.mark.parametrize("userid", [u for u in AKTEURE if u != "sta11"] + [None])
def test_nobody_else_uses_the_membership_service(rest, userid):
    session = rest(userid)
    assert session.get(MITGLIEDER).status_code in REFUSED
    response = mitglied(session, "sn-poa", "mitarbeiter50")
    assert response.status_code in REFUSED
    assert (
        session.post(
            LOKALE_ROLLEN,
            json={
                "ordner": "fb-10",
                "principal": "mitarbeiter50",
                "rolle": "SNMitarbeiter",
                "erteilt": True,
            },
        ).status_code
        in REFUSED
    )
    assert "sn-poa" not in _gruppen_von("mitarbeiter50")


def _rolle(session, **data):
    return session.post(LOKALE_ROLLEN, json=dict({"erteilt": True}, **data))


def test_sta11_takes_and_gives_back_a_department_groups_role(rest, fb50, frisch):
    """Issue 20: the department roles go only to the folder's own groups."""
    sta11 = rest("sta11")
    gruppe = "fb-50-datenschutzfachkraft"
    response = _rolle(
        sta11,
        ordner="fb-50",
        principal=gruppe,
        rolle="SNDatenschutzfachkraft",
        erteilt=False,
    )
    assert response.status_code == 200, response.text
    frisch()
    assert fb50.get_local_roles_for_userid(gruppe) == ()
    response = _rolle(
        sta11, ordner="fb-50", principal=gruppe, rolle="SNDatenschutzfachkraft"
    )
    assert response.status_code == 200, response.text
    frisch()
    assert fb50.get_local_roles_for_userid(gruppe) == ("SNDatenschutzfachkraft",)


@pytest.mark.parametrize("rolle", ["SNPOA", "SNPersonalrat", "SNAgentur"])
def test_sta11_cannot_give_body_roles_per_folder(rest, fb10, frisch, rolle):
    response = _rolle(
        rest("sta11"), ordner="fb-10", principal="mitarbeiter", rolle=rolle
    )
    assert response.status_code == 403
    assert "nur über die Gruppen der Gremien" in response.json()["error"]["message"]
    frisch()
    assert rolle not in fb10.get_local_roles_for_userid("mitarbeiter")


@pytest.mark.parametrize("rolle", ["Manager", "Site Administrator", "Owner", "Editor"])
def test_sta11_cannot_give_platform_roles(rest, fb10, frisch, rolle):
    response = _rolle(
        rest("sta11"), ordner="fb-10", principal="mitarbeiter", rolle=rolle
    )
    assert response.status_code == 400
    frisch()
    assert rolle not in fb10.get_local_roles_for_userid("mitarbeiter")


def test_sta11_gives_roles_only_on_fachbereich_folders(rest):
    for ordner in ("vorfall-melden", "..", "fb-99"):
        response = _rolle(
            rest("sta11"), ordner=ordner, principal="mitarbeiter", rolle="SNMitarbeiter"
        )
        assert response.status_code == 400, ordner
        assert response.json()["error"]["field"] == "ordner"


def test_sta11_cannot_give_itself_a_department_role(rest):
    response = _rolle(
        rest("sta11"), ordner="fb-10", principal="sta11", rolle="SNFachbereichsleitung"
    )
    assert response.status_code == 403


SEITE = "soziale-netzwerke/@@rechte-verwalten"
AUFNAHME = {
    "aktion": "mitglied",
    "gruppe": "fb-32-mitarbeiter",
    "benutzer": "mitarbeiter50",
    "mitglied": "1",
}


def test_sta11_manages_members_on_the_page(web, token):
    browser = web("sta11")
    page = browser.get(SEITE)
    assert page.status_code == 200
    assert "fb-10-mitarbeiter" in page.text
    assert "@@rechte-verwalten" in browser.get("soziale-netzwerke").text  # the tab
    response = browser.post(SEITE, data=dict(AUFNAHME, _authenticator=token("sta11")))
    assert response.status_code == 302
    assert "fb-32-mitarbeiter" in _gruppen_von("mitarbeiter50")


def test_the_page_refuses_changes_without_csrf_token(web):
    response = web("sta11").post(SEITE, data=AUFNAHME)
    assert response.status_code == 403
    assert "fb-32-mitarbeiter" not in _gruppen_von("mitarbeiter50")


@pytest.mark.parametrize("userid", [u for u in AKTEURE if u != "sta11"])
def test_nobody_else_opens_the_page(web, userid):
    assert verweigert(web(userid).get(SEITE))


def test_the_page_explains_a_refusal_in_german(web, token):
    browser = web("sta11")
    response = browser.post(
        SEITE,
        data=dict(AUFNAHME, gruppe="Administrators", _authenticator=token("sta11")),
    )
    assert response.status_code == 302
    page = browser.get(SEITE)
    assert "gehört nicht zur Datenbank" in page.text
    assert "Administrators" not in _gruppen_von("mitarbeiter50")
