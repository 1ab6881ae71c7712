"""Department isolation and the permission administration by StA 11."""

from plone import api
from Products.CMFCore.utils import _checkPermission
import pytest


@pytest.fixture
def fb50_actors(portal):
    """Head and data protection specialist of FB 50 (not in the demo set)."""
    with api.env.adopt_roles(["Manager"]):
        for userid, group in (
            ("leitung50", "fb-50-leitung"),
            ("dsfachkraft50", "fb-50-datenschutzfachkraft"),
        ):
            api.user.create(
                username=userid,
                email=f"{userid}@stadtdo.example",
                password="geheim-1234",
            )
            api.group.add_user(groupname=group, username=userid)
    return ["mitarbeiter50", "leitung50", "dsfachkraft50"]


@pytest.mark.parametrize("state", ["entwurf", "beteiligung", "genehmigt"])
def test_fb50_sees_nothing_of_fb10(antrag_in, fb50_actors, fb10, state):
    antrag = antrag_in(state)
    for userid in fb50_actors:
        with api.env.adopt_user(username=userid):
            assert not api.user.has_permission("View", obj=antrag), userid
            assert not api.user.has_permission("View", obj=antrag["person"]), userid
            assert len(api.content.find(portal_type=["Antrag", "Person"])) == 0, userid
            assert not api.user.has_permission("View", obj=fb10), userid


def test_fb10_head_and_specialist_see_fb10_drafts(antrag_in):
    antrag = antrag_in("entwurf")
    for userid in ("leitung", "stellvertretung", "dsfachkraft"):
        with api.env.adopt_user(username=userid):
            assert len(api.content.find(antragsnummer=antrag.antragsnummer)) == 1


@pytest.mark.parametrize(
    "userid", ["agentur", "datenschutz", "personalrat", "poa", "itsicherheit"]
)
def test_bodies_do_not_see_drafts(antrag_in, userid):
    antrag = antrag_in("entwurf")
    with api.env.adopt_user(username=userid):
        assert len(api.content.find(antragsnummer=antrag.antragsnummer)) == 0


def test_new_fachbereich_gets_its_groups_and_local_roles(datenbank):
    with api.env.adopt_user(username="sta11"):
        folder = api.content.create(
            container=datenbank,
            type="Fachbereich",
            id="fb-66",
            title="FB 66 – Tiefbau",
            kuerzel="FB 66",
        )
    roles = dict(folder.get_local_roles())
    assert roles["fb-66-mitarbeiter"] == ("SNMitarbeiter",)
    assert roles["fb-66-leitung"] == ("SNFachbereichsleitung",)
    assert roles["fb-66-datenschutzfachkraft"] == ("SNDatenschutzfachkraft",)


def test_bodies_have_their_roles_on_the_database(datenbank):
    roles = dict(datenbank.get_local_roles())
    assert roles["sn-personalrat"] == ("SNPersonalrat",)
    assert roles["sn-poa"] == ("SNPOA",)


def test_sta11_is_not_a_manager(portal):
    """StA 11 manages membership through its own scoped service only
    (tests/rechte): Zope's user management would make it a platform admin."""
    with api.env.adopt_user(username="sta11"):
        assert not _checkPermission("Manage portal", portal)
        assert not _checkPermission("Plone Site Setup: Users and Groups", portal)
        assert not _checkPermission("Manage users", portal)
        assert _checkPermission("stadtdo.sozialnetz: Manage memberships", portal)


def test_sharing_page_offers_the_sozialnetz_roles_to_sta11(fb10, http_request):
    from zope.component import getMultiAdapter

    with api.env.adopt_user(username="sta11"):
        view = getMultiAdapter((fb10, http_request), name="sharing")
        role_ids = {role["id"] for role in view.roles()}
    assert {
        "SNMitarbeiter",
        "SNFachbereichsleitung",
        "SNDatenschutzfachkraft",
    } <= role_ids
    # the review bodies' roles come only through their groups
    assert not role_ids & {
        "SNAgentur",
        "SNDatenschutz",
        "SNPersonalrat",
        "SNPOA",
        "SNITSicherheit",
    }


def test_staff_cannot_delegate_sozialnetz_roles(fb10, http_request):

    with api.env.adopt_user(username="mitarbeiter"):
        assert not api.user.has_permission("Sharing page: Delegate roles", obj=fb10)
