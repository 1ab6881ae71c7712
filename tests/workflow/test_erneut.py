"""Antrag erneut stellen (Anlage 1 Nr. 3): copy, link, and the predecessor
rule — in force until the re-application is approved."""

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.erneut import nachfolger
from stadtdo.sozialnetz.verfahren.erneut import vorgaenger_kette
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from tests.conftest import abstimmen
from tests.conftest import schritt
from zExceptions import Unauthorized
import pytest


def VORRAT(bausteine):
    """The approved Antrag (one Person, one Anlage) every test starts from,
    walked once for the module (tests/vorrat.py)."""
    antrag = bausteine.make_antrag()
    bausteine.add_person(antrag)
    with api.env.adopt_user(username="mitarbeiter"):
        createContentInContainer(
            antrag,
            "Anlage",
            title="Konzept",
            file=NamedBlobFile(b"%PDF-1.4 Redaktionskonzept", filename="konzept.pdf"),
        )
    schritt(antrag, "einreichen", "mitarbeiter")
    schritt(antrag, "genehmigen", "leitung")
    abstimmen(antrag, "agentur", "agentur", "ja", "ok")
    abstimmen(antrag, "poa", "poa", "ja")
    abstimmen(antrag, "personalrat", "personalrat", "ja")
    return {"genehmigt": antrag}


@pytest.fixture
def genehmigt(vorrat):
    return vorrat["genehmigt"]


def _brain(antrag):
    """The catalog entry of ``antrag`` (whoever reads)."""
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    return brain


def _reapply(antrag, userid="mitarbeiter"):
    with api.env.adopt_user(username=userid):
        return schritte.erneut_stellen(antrag)


def test_copy_is_a_draft_with_all_data(genehmigt):
    neu = _reapply(genehmigt)
    assert api.content.get_state(neu) == "entwurf"
    assert neu.kontoname == genehmigt.kontoname
    assert neu.begruendung_produktwahl == genehmigt.begruendung_produktwahl
    persons = [o for o in neu.objectValues() if o.portal_type == "Person"]
    anlagen = [o for o in neu.objectValues() if o.portal_type == "Anlage"]
    assert [p.Title() for p in persons] == ["Erika Mustermann"]
    assert anlagen[0].file.data == b"%PDF-1.4 Redaktionskonzept"


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
    assert vorgaenger_kette(neu) == [genehmigt]
    with api.env.adopt_user(username="mitarbeiter"):
        assert [b.getObject() for b in nachfolger(genehmigt)] == [neu]


def test_copy_is_editable_by_the_fachbereich(genehmigt):
    neu = _reapply(genehmigt)
    with api.env.adopt_user(username="mitarbeiter"):
        assert api.user.has_permission("Modify portal content", obj=neu)


def _durch_die_beteiligung(neu, transition, vote, *, ergebnis="ja"):
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja", "ok")
    if ergebnis == "ja":
        vote(neu, "poa", "poa", "ja")
        vote(neu, "personalrat", "personalrat", "ja")
    else:
        vote(neu, "personalrat", "personalrat", "nein", "Nein.", True)


def _history(antrag):
    return list(antrag.workflow_history["sozialnetz_antrag_workflow"])


def test_submitting_the_copy_leaves_the_predecessor_in_force(genehmigt, transition):
    neu = _reapply(genehmigt)
    transition(neu, "einreichen", "mitarbeiter")
    assert api.content.get_state(genehmigt) == "genehmigt"
    assert erneut.aenderung_beantragt(genehmigt) == neu


def test_pending_reapplication_shows_aenderung_beantragt_in_the_catalog(
    genehmigt, transition
):
    neu = _reapply(genehmigt)
    brain = _brain(genehmigt)
    assert brain.aenderung_beantragt is None  # a draft is no pending change
    transition(neu, "einreichen", "mitarbeiter")
    brain = _brain(genehmigt)
    assert brain.aenderung_beantragt == neu.antragsnummer


def test_approving_the_copy_archives_the_predecessor(genehmigt, transition, vote):
    neu = _reapply(genehmigt)
    _durch_die_beteiligung(neu, transition, vote)
    assert api.content.get_state(neu) == "genehmigt"
    assert api.content.get_state(genehmigt) == "archiviert"
    last = _history(genehmigt)[-1]
    assert last["action"] == "archivieren"
    assert neu.antragsnummer in last["comments"]
    brain = _brain(genehmigt)
    assert brain.review_state == "archiviert"
    assert brain.aenderung_beantragt is None


def test_returned_copy_leaves_the_predecessor_unchanged(genehmigt, transition):
    before = _history(genehmigt)
    neu = _reapply(genehmigt)
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "zurueckweisen", "leitung", "Bitte anders.")
    assert api.content.get_state(neu) == "zurueckgewiesen"
    assert api.content.get_state(genehmigt) == "genehmigt"
    assert _history(genehmigt) == before
    assert erneut.aenderung_beantragt(genehmigt) is None
    brain = _brain(genehmigt)
    assert brain.aenderung_beantragt is None


def test_rejected_copy_leaves_the_predecessor_unchanged(genehmigt, transition, vote):
    before = _history(genehmigt)
    neu = _reapply(genehmigt)
    _durch_die_beteiligung(neu, transition, vote, ergebnis="nein")
    assert api.content.get_state(neu) == "abgelehnt"
    assert api.content.get_state(genehmigt) == "genehmigt"
    assert _history(genehmigt) == before


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


def test_no_second_reapplication_while_one_is_pending(genehmigt, transition):
    neu = _reapply(genehmigt)
    transition(neu, "einreichen", "mitarbeiter")
    with pytest.raises(AktionAbgelehnt) as error:
        _reapply(genehmigt)
    assert neu.antragsnummer in error.value.message


def test_archived_antrag_cannot_be_reapplied(genehmigt, transition, vote):
    neu = _reapply(genehmigt)
    _durch_die_beteiligung(neu, transition, vote)
    with pytest.raises(Unauthorized):
        _reapply(genehmigt)


def test_returned_antrag_continues_as_reapplication(genehmigt, transition):
    neu = _reapply(genehmigt)
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "zurueckweisen", "leitung", "Bitte anders.")
    dritter = _reapply(neu)
    assert vorgaenger_kette(dritter) == [neu, genehmigt]
    assert api.content.get_state(dritter) == "entwurf"


def test_chain_over_two_generations(genehmigt, transition, vote):
    zweiter = _reapply(genehmigt)
    _durch_die_beteiligung(zweiter, transition, vote)
    dritter = _reapply(zweiter)
    assert vorgaenger_kette(dritter) == [zweiter, genehmigt]


def test_approval_archives_the_whole_chain_through_a_returned_antrag(
    genehmigt, transition, vote
):
    """SN-1 approved ← SN-2 sent back ← SN-3: SN-1 shows the pending change
    of SN-3, and once SN-3 is approved the account is counted once."""
    zweiter = _reapply(genehmigt)
    transition(zweiter, "einreichen", "mitarbeiter")
    transition(zweiter, "zurueckweisen", "leitung", "Bitte anders.")
    dritter = _reapply(zweiter)
    transition(dritter, "einreichen", "mitarbeiter")
    assert erneut.aenderung_beantragt(genehmigt) == dritter
    brain = _brain(genehmigt)
    assert brain.aenderung_beantragt == dritter.antragsnummer
    with pytest.raises(AktionAbgelehnt):
        _reapply(genehmigt)  # a change is already under way
    transition(dritter, "genehmigen", "leitung")
    vote(dritter, "agentur", "agentur", "ja", "ok")
    vote(dritter, "poa", "poa", "ja")
    vote(dritter, "personalrat", "personalrat", "ja")
    assert api.content.get_state(dritter) == "genehmigt"
    assert api.content.get_state(zweiter) == "archiviert"
    assert api.content.get_state(genehmigt) == "archiviert"
    catalog = api.portal.get_tool("portal_catalog")
    genehmigte = catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="genehmigt"
    )
    assert [b.antragsnummer for b in genehmigte] == [dritter.antragsnummer]
