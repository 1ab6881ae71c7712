"""Access ends with membership (issue 11, item 7): rights in the database
come from groups and the roles StA 11 gives, never from having created
something — content in the database carries no ``Owner`` local role."""

from plone import api
from tests.rechte.conftest import mitglied
import pytest
import transaction


def _liest(userid, obj):
    with api.env.adopt_user(username=userid):
        return api.user.has_permission("View", obj=obj)


def test_new_content_has_no_owner_local_role(make_antrag, add_person, fb10):
    antrag = make_antrag()
    person = add_person(antrag)
    for obj in (antrag, person, fb10):
        assert not [p for p, roles in obj.get_local_roles() if "Owner" in roles]
    assert antrag.getOwner().getId() == "mitarbeiter"  # ownership itself stays


def test_a_new_fachbereich_does_not_belong_to_its_creator(datenbank):
    with api.env.adopt_user(username="sta11"):
        folder = api.content.create(datenbank, "Fachbereich", "fb-66", kuerzel="FB 66")
    assert "Owner" not in folder.get_local_roles_for_userid("sta11")


def _pfad(obj):
    return "/".join(obj.getPhysicalPath()[2:])


@pytest.mark.parametrize("state", ["entwurf", "beteiligung", "genehmigt"])
def test_former_creator_no_longer_reads_the_antrag(antrag_in, rest, state):
    antrag = antrag_in(state)
    transaction.commit()
    mitarbeiter = rest("mitarbeiter")
    assert mitarbeiter.get(_pfad(antrag)).status_code == 200
    response = mitglied(rest("sta11"), "fb-10-mitarbeiter", "mitarbeiter", False)
    assert response.status_code == 200, response.text
    for obj in (antrag, antrag["person"]):
        assert mitarbeiter.get(_pfad(obj)).status_code in (401, 403, 404)
    found = mitarbeiter.get(f"@search?antragsnummer={antrag.antragsnummer}").json()
    assert found["items_total"] == 0


def test_former_creator_can_no_longer_edit_the_draft(make_antrag, rest):
    antrag = make_antrag()
    transaction.commit()
    mitglied(rest("sta11"), "fb-10-mitarbeiter", "mitarbeiter", False)
    response = rest("mitarbeiter").patch(_pfad(antrag), json={"kontoname": "@weg"})
    assert response.status_code in (401, 403, 404)
    transaction.begin()
    assert antrag.kontoname != "@weg"


@pytest.mark.parametrize("state", ["beteiligung", "genehmigt"])
def test_an_owner_role_alone_gives_no_access_to_a_submitted_antrag(antrag_in, state):
    """The Antrag workflow gives Owner nothing: whoever holds Owner (e.g.
    restored by a copy/paste or a ZMI change) does not read a submitted
    Antrag without the department's or a body's role."""
    antrag = antrag_in(state)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="ehemalig", email="e@stadtdo.example", password="x-12345678"
        )
    antrag.manage_setLocalRoles("ehemalig", ["Owner"])
    antrag.reindexObjectSecurity()
    assert not _liest("ehemalig", antrag)
