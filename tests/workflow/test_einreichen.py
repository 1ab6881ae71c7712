"""The guard of einreichen and the reasons it gives (domain.md §4)."""

from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
import pytest


def _can_submit(antrag, userid="mitarbeiter"):
    (workflow,) = api.portal.get_tool("portal_workflow").getWorkflowsFor(antrag)
    with api.env.adopt_user(username=userid):
        return bool(workflow.isActionSupported(antrag, "einreichen"))


def test_complete_antrag_can_be_submitted(make_antrag, add_person):
    antrag = make_antrag()
    add_person(antrag)
    assert hindernisse(antrag) == []
    assert _can_submit(antrag)


def test_without_person_it_cannot(make_antrag):
    antrag = make_antrag()
    assert hindernisse(antrag) == [
        "Es ist noch keine zuständige Person benannt (Abschnitt 2.4)."
    ]
    assert not _can_submit(antrag)


def test_missing_required_field_is_named(make_antrag, add_person):
    antrag = make_antrag(begruendung_produktwahl=None)
    add_person(antrag)
    assert hindernisse(antrag) == ["Pflichtangabe fehlt: „Begründung der Produktwahl“."]
    assert not _can_submit(antrag)


def test_unanswered_checklist_question_is_named(make_antrag, add_person):
    antrag = make_antrag(offizieller_auftritt=None)
    add_person(antrag)
    assert not _can_submit(antrag)
    assert any("offizieller" in reason for reason in hindernisse(antrag))


def test_missing_justification_for_work_outside_hours(make_antrag, add_person):
    antrag = make_antrag(pflege_in_arbeitszeit=False)
    add_person(antrag)
    assert any("außerhalb der Arbeitszeit" in reason for reason in hindernisse(antrag))
    assert not _can_submit(antrag)


def test_person_without_consent_blocks(make_antrag, add_person):
    antrag = make_antrag()
    add_person(antrag)
    person = add_person(antrag, vorname="Otto", nachname="Ohnezustimmung")
    # consent can only be missing on data that bypassed the form's validation
    person.einwilligung = False
    assert hindernisse(antrag) == [
        "Für „Otto Ohnezustimmung“ liegt keine Einwilligung vor (DV § 2)."
    ]
    assert not _can_submit(antrag)


def test_transition_refused_when_guard_fails(make_antrag):
    from Products.CMFCore.WorkflowCore import WorkflowException

    antrag = make_antrag()
    with (
        api.env.adopt_user(username="mitarbeiter"),
        pytest.raises((WorkflowException, Exception)),
    ):
        schritte.einreichen(antrag)
    assert api.content.get_state(antrag) == "entwurf"
