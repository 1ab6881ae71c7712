"""After einreichen nobody changes the Antrag, its Persons or Anlagen
(Anlage 1 Nr. 2) – not by editing, adding, deleting, renaming or reverting."""

from plone import api
from plone.dexterity.utils import createContentInContainer
from tests.vorrat import bausteine_aus_vorrat
from tests.vorrat import je_zustand
from zExceptions import Unauthorized
import pytest


SUBMITTED = ["genehmigung_fbl", "beteiligung", "genehmigt", "archiviert"]
#: the Anträge of these tests, walked once for the module (tests/vorrat.py)
VORRAT = je_zustand(*SUBMITTED, "entwurf")
bausteine = bausteine_aus_vorrat
EVERYONE = [
    "mitarbeiter",
    "leitung",
    "dsfachkraft",
    "agentur",
    "personalrat",
    "poa",
    "admin",
]


@pytest.mark.parametrize("state", SUBMITTED)
@pytest.mark.parametrize("userid", EVERYONE)
def test_nobody_adds_a_person_after_submission(antrag_in, person_daten, state, userid):
    antrag = antrag_in(state)
    with api.env.adopt_user(username=userid), pytest.raises(Unauthorized):
        createContentInContainer(
            antrag, "Person", checkConstraints=True, **person_daten
        )


@pytest.mark.parametrize("userid", EVERYONE)
def test_nobody_deletes_a_person_after_submission(antrag_in, userid):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_user(username=userid), pytest.raises(Unauthorized):
        antrag.manage_delObjects(["person"])
    assert "person" in antrag


@pytest.mark.parametrize("userid", EVERYONE)
def test_nobody_deletes_a_submitted_antrag(antrag_in, userid):
    antrag = antrag_in("genehmigt")
    with api.env.adopt_user(username=userid), pytest.raises(Unauthorized):
        antrag.aq_parent.manage_delObjects([antrag.getId()])


def test_staff_deletes_own_draft(antrag_in):
    antrag = antrag_in("entwurf")
    folder = antrag.aq_parent
    with api.env.adopt_user(username="mitarbeiter"):
        folder.manage_delObjects([antrag.getId()])
    assert antrag.getId() not in folder


@pytest.mark.parametrize("userid", ["mitarbeiter", "admin"])
def test_submitted_antrag_cannot_be_renamed(antrag_in, userid):
    from OFS.CopySupport import CopyError
    from zExceptions import Forbidden  # content.ortsfest, with the reason

    antrag = antrag_in("genehmigt")
    with (
        api.env.adopt_user(username=userid),
        pytest.raises((Unauthorized, CopyError, Forbidden)),
    ):
        antrag.aq_parent.manage_renameObject(antrag.getId(), "umbenannt")
