"""Antrag erneut stellen (Anlage 1 Nr. 3): copy, link, archive, discard."""

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.erneut import erneut_stellen
from stadtdo.sozialnetz.erneut import nachfolger
from stadtdo.sozialnetz.erneut import vorgaenger_kette
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.voten import aktuelles_votum
from zExceptions import Unauthorized
import pytest


@pytest.fixture
def genehmigt(make_antrag, add_person, transition, vote):
    antrag = make_antrag()
    add_person(antrag)
    with api.env.adopt_user(username="mitarbeiter"):
        createContentInContainer(
            antrag,
            "Anlage",
            title="Konzept",
            file=NamedBlobFile(b"Redaktionskonzept", filename="konzept.txt"),
        )
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja", "ok")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    return antrag


def _reapply(antrag, userid="mitarbeiter"):
    with api.env.adopt_user(username=userid):
        return erneut_stellen(antrag)


def test_copy_is_a_draft_with_all_data(genehmigt):
    neu = _reapply(genehmigt)
    assert api.content.get_state(neu) == "entwurf"
    assert neu.kontoname == genehmigt.kontoname
    assert neu.begruendung_produktwahl == genehmigt.begruendung_produktwahl
    persons = [o for o in neu.objectValues() if o.portal_type == "Person"]
    anlagen = [o for o in neu.objectValues() if o.portal_type == "Anlage"]
    assert [p.Title() for p in persons] == ["Erika Mustermann"]
    assert anlagen[0].file.data == b"Redaktionskonzept"


def test_copy_has_own_number_and_is_marked(genehmigt):
    neu = _reapply(genehmigt)
    assert neu.antragsnummer != genehmigt.antragsnummer
    assert neu.antragsart == "erneuter_antrag"


def test_copy_starts_without_votes_or_history(genehmigt):
    neu = _reapply(genehmigt)
    assert aktuelles_votum(neu, "poa")["votum"] == "offen"
    history = neu.workflow_history["sozialnetz_antrag_workflow"]
    assert [h["action"] for h in history] == [None]


def test_linked_both_ways(genehmigt):
    neu = _reapply(genehmigt)
    with api.env.adopt_user(username="mitarbeiter"):
        assert vorgaenger_kette(neu) == [genehmigt]
        assert [b.getObject() for b in nachfolger(genehmigt)] == [neu]


def test_copy_is_editable_by_the_fachbereich(genehmigt):
    neu = _reapply(genehmigt)
    with api.env.adopt_user(username="mitarbeiter"):
        assert api.user.has_permission("Modify portal content", obj=neu)


def test_submitting_the_copy_archives_the_predecessor(genehmigt, transition):
    neu = _reapply(genehmigt)
    transition(neu, "einreichen", "mitarbeiter")
    assert api.content.get_state(genehmigt) == "archiviert"
    last = genehmigt.workflow_history["sozialnetz_antrag_workflow"][-1]
    assert last["action"] == "archivieren"
    assert neu.antragsnummer in last["comments"]


def test_predecessor_stays_in_force_until_then(genehmigt):
    _reapply(genehmigt)
    assert api.content.get_state(genehmigt) == "genehmigt"


def test_discarding_the_draft_leaves_the_predecessor_unchanged(genehmigt):
    history_before = list(genehmigt.workflow_history["sozialnetz_antrag_workflow"])
    neu = _reapply(genehmigt)
    with api.env.adopt_user(username="mitarbeiter"):
        neu.aq_parent.manage_delObjects([neu.getId()])
    assert api.content.get_state(genehmigt) == "genehmigt"
    assert (
        list(genehmigt.workflow_history["sozialnetz_antrag_workflow"]) == history_before
    )
    assert len(nachfolger(genehmigt)) == 0


def test_only_one_draft_at_a_time(genehmigt):
    _reapply(genehmigt)
    with pytest.raises(AktionAbgelehnt) as error:
        _reapply(genehmigt)
    assert "bereits einen erneuten Antrag" in error.value.message


@pytest.mark.parametrize("userid", ["mitarbeiter50", "leitung", "poa", "admin"])
def test_others_cannot_reapply(genehmigt, userid):
    with pytest.raises(Unauthorized):
        _reapply(genehmigt, userid)


def test_archived_antrag_cannot_be_reapplied(genehmigt, transition):
    neu = _reapply(genehmigt)
    transition(neu, "einreichen", "mitarbeiter")
    with pytest.raises(Unauthorized):
        _reapply(genehmigt)


def test_chain_over_two_generations(genehmigt, transition, vote):
    zweiter = _reapply(genehmigt)
    transition(zweiter, "einreichen", "mitarbeiter")
    dritter = _reapply(zweiter)
    with api.env.adopt_user(username="mitarbeiter"):
        assert vorgaenger_kette(dritter) == [zweiter, genehmigt]
