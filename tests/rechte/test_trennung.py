"""Separation of duties (domain § 2): nobody holds the roles of two review
bodies, StA 11 holds none — neither through StA 11's service nor through
Plone's own screens and APIs used by an administrator; and the vote path
can ask ``votum_unvereinbar`` before recording a vote."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.verfahren.trennung import votum_unvereinbar
from tests.rechte.conftest import mitglied
import pytest
import transaction


@pytest.fixture
def sta11b(portal):
    """A second member of StA 11."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="sta11b", email="sta11b@stadtdo.example", password="geheim-1234"
        )
        api.group.add_user(groupname="sn-sta11", username="sta11b")
    transaction.commit()
    return "sta11b"


def _gruppen_von(userid):
    transaction.begin()
    return {g.id for g in api.group.get_groups(username=userid)}


def test_nobody_gets_the_roles_of_two_bodies_through_the_service(rest):
    response = mitglied(rest("sta11"), "sn-poa", "personalrat", True)
    assert response.status_code == 403
    message = response.json()["error"]["message"]
    assert "zweier Gremien" in message
    assert "Personalrat" in message
    assert "sn-poa" not in _gruppen_von("personalrat")


def test_sta11_gives_no_body_role_to_another_sta11_member(rest, sta11b):
    response = mitglied(rest("sta11"), "sn-poa", sta11b)
    assert response.status_code == 403
    assert "Berechtigungsverwaltung (StA 11)" in response.json()["error"]["message"]
    assert "sn-poa" not in _gruppen_von(sta11b)


def test_department_memberships_stay_free_for_body_members(rest):
    response = mitglied(rest("sta11"), "fb-10-mitarbeiter", "personalrat", True)
    assert response.status_code == 200, response.text


def test_an_administrator_cannot_break_it_through_groups_api(rest):
    response = rest(SITE_OWNER_NAME).patch(
        "@groups/sn-personalrat", json={"users": {"poa": True}}
    )
    assert response.status_code == 403, response.text
    assert "sn-personalrat" not in _gruppen_von("poa")


def test_an_administrator_cannot_make_sta11_a_voter_through_groups_api(rest):
    response = rest(SITE_OWNER_NAME).patch(
        "@groups/sn-poa", json={"users": {"sta11": True}}
    )
    assert response.status_code == 403, response.text
    assert "sn-poa" not in _gruppen_von("sta11")


def test_an_administrator_cannot_put_a_voter_into_sta11(rest):
    response = rest(SITE_OWNER_NAME).patch(
        "@groups/sn-sta11", json={"users": {"poa": True}}
    )
    assert response.status_code == 403, response.text
    assert "sn-sta11" not in _gruppen_von("poa")


def test_code_cannot_break_it_either(portal):
    from zExceptions import Forbidden

    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden):
        api.group.add_user(groupname="sn-agentur", username="datenschutz")


# votum_unvereinbar: asked by the vote path before a vote is recorded


@pytest.fixture
def antrag(antrag_in):
    return antrag_in("beteiligung")


@pytest.mark.parametrize(
    "userid,gremium",
    [
        ("poa", "poa"),
        ("personalrat", "personalrat"),
        ("datenschutz", "datenschutz"),
        ("itsicherheit", "itsicherheit"),
    ],
)
def test_a_body_member_may_vote_for_its_body(antrag, userid, gremium):
    assert votum_unvereinbar(userid, gremium, antrag) is None


def test_sta11_may_not_vote(antrag):
    grund = votum_unvereinbar("sta11", "poa", antrag)
    assert "Berechtigungsverwaltung (StA 11) gibt kein Votum ab" in grund


def test_a_member_of_two_bodies_may_vote_for_neither(antrag):
    # an old local role on the Antrag (as the Sharing page gave until now)
    antrag.manage_setLocalRoles("poa", ["SNPersonalrat"])
    for gremium in ("poa", "personalrat"):
        grund = votum_unvereinbar(api.user.get(userid="poa"), gremium, antrag)
        assert "Niemand darf für zwei Gremien abstimmen" in grund, gremium


def test_sta11_who_took_body_roles_on_the_sharing_page_may_not_vote(antrag):
    """The finding of issue 11: StA 11 gave itself SNPOA and SNPersonalrat."""
    antrag.manage_setLocalRoles("sta11", ["SNPOA", "SNPersonalrat"])
    assert votum_unvereinbar("sta11", "poa", antrag)
    assert votum_unvereinbar("sta11", "personalrat", antrag)
