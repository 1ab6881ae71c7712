"""What may be added where (domain.md §3): the container hierarchy."""

from plone import api
from plone.dexterity.utils import createContentInContainer
from zExceptions import Unauthorized
import pytest


def _addable(container):
    return {fti.getId() for fti in container.allowedContentTypes()}


def test_database_only_addable_by_admins_in_site_root(portal):
    with api.env.adopt_roles(["Manager"]):
        assert "SozialnetzDatenbank" in _addable(portal)
        assert "Fachbereich" not in _addable(portal)
        assert "Antrag" not in _addable(portal)


def test_only_fachbereiche_in_database(datenbank):
    with api.env.adopt_roles(["Manager"]):
        assert _addable(datenbank) == {"Fachbereich"}


def test_only_antraege_in_fachbereich(fb10):
    with api.env.adopt_roles(["Manager"]):
        assert _addable(fb10) == {"Antrag"}


def test_persons_and_anlagen_in_antrag(make_antrag):
    antrag = make_antrag()
    with api.env.adopt_user(username="mitarbeiter"):
        assert _addable(antrag) == {"Person", "Anlage"}


@pytest.mark.parametrize("portal_type", ["Person", "Anlage", "Antrag"])
def test_not_addable_in_a_plain_folder(portal, portal_type):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal, type="Folder", id="ordner")
        assert portal_type not in _addable(folder)


def test_employee_adds_antrag_in_own_fachbereich(make_antrag):
    antrag = make_antrag(userid="mitarbeiter")
    assert antrag.portal_type == "Antrag"


def test_employee_of_other_fachbereich_cannot_add(make_antrag, fb10):
    with pytest.raises(Unauthorized):
        make_antrag(container=fb10, userid="mitarbeiter50")


@pytest.mark.parametrize(
    "userid", ["leitung", "dsfachkraft", "agentur", "poa", "sta11"]
)
def test_non_staff_cannot_add_antrag(make_antrag, userid):
    with pytest.raises(Unauthorized):
        make_antrag(userid=userid)


def test_employee_adds_person_and_anlage_to_own_draft(make_antrag, person_daten):
    from plone.namedfile.file import NamedBlobFile

    antrag = make_antrag()
    with api.env.adopt_user(username="mitarbeiter"):
        person = createContentInContainer(
            antrag, "Person", checkConstraints=True, **person_daten
        )
        anlage = createContentInContainer(
            antrag,
            "Anlage",
            checkConstraints=True,
            title="Konzept",
            file=NamedBlobFile(b"%PDF-1.4 ...", filename="konzept.pdf"),
        )
    assert person.getId() == "person"
    assert anlage.getId() in antrag


def test_staff_of_other_fachbereich_cannot_see_fachbereich(fb10):
    with api.env.adopt_user(username="mitarbeiter50"):
        assert not api.user.has_permission("View", obj=fb10)
