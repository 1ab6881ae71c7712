"""Who may do what in which state: the rights of domain.md §2 and §4.

One table, read like the specification. Each row is an action in a state;
each column a demo actor; ``X`` means allowed, ``.`` refused. Every cell is
checked as that user through Plone's real security machinery and workflow
guards, on an Antrag (with one Person and one Anlage) walked to that state.

``einschaetzung_nachtragen`` (the assessment after the end of the process)
is open to the four bodies by the workflow; the process layer lets only a
body that gave no Ja or Nein take it (tests/workflow/test_nach_abschluss.py).
"""

from plone import api
import pytest


ACTORS = (
    "mitarbeiter",
    "mitarbeiter50",
    "leitung",
    "stellvertretung",
    "dsfachkraft",
    "agentur",
    "datenschutz",
    "personalrat",
    "poa",
    "itsicherheit",
    "sta11",
    "admin",
)

# fmt: off
MATRIX = """
action                  state                  mit m50 lei ste dsf age dsb pr  poa its s11 adm
view                    entwurf                X   .   X   X   X   .   .   .   .   .   .   X
view                    genehmigung_fbl        X   .   X   X   X   X   X   X   X   X   X   X
view                    stellungnahme_agentur  X   .   X   X   X   X   X   X   X   X   X   X
view                    beteiligung            X   .   X   X   X   X   X   X   X   X   X   X
view                    genehmigt              X   .   X   X   X   X   X   X   X   X   X   X
view                    abgelehnt              X   .   X   X   X   X   X   X   X   X   X   X
view                    archiviert             X   .   X   X   X   X   X   X   X   X   X   X
view                    eingestellt            X   .   X   X   X   X   X   X   X   X   X   X
view                    zurueckgewiesen        X   .   X   X   X   X   X   X   X   X   X   X
edit                    entwurf                X   .   .   .   .   .   .   .   .   .   .   X
edit                    genehmigung_fbl        .   .   .   .   .   .   .   .   .   .   .   .
edit                    stellungnahme_agentur  .   .   .   .   .   .   .   .   .   .   .   .
edit                    beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
edit                    genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
edit                    abgelehnt              .   .   .   .   .   .   .   .   .   .   .   .
edit                    archiviert             .   .   .   .   .   .   .   .   .   .   .   .
edit                    eingestellt            .   .   .   .   .   .   .   .   .   .   .   .
edit                    zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
edit_person             entwurf                X   .   .   .   .   .   .   .   .   .   .   X
edit_person             genehmigung_fbl        .   .   .   .   .   .   .   .   .   .   .   .
edit_person             beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
edit_person             genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
edit_person             zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
edit_anlage             entwurf                X   .   .   .   .   .   .   .   .   .   .   X
edit_anlage             beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
edit_anlage             genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
edit_anlage             zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
add_person              entwurf                X   .   .   .   .   .   .   .   .   .   .   X
add_person              genehmigung_fbl        .   .   .   .   .   .   .   .   .   .   .   .
add_person              beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
add_person              genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
add_person              zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
add_anlage              entwurf                X   .   .   .   .   .   .   .   .   .   .   X
add_anlage              beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
add_anlage              genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
add_anlage              zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
delete                  entwurf                X   .   .   .   .   .   .   .   .   .   .   X
delete                  genehmigung_fbl        .   .   .   .   .   .   .   .   .   .   .   .
delete                  beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
delete                  genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
delete                  archiviert             .   .   .   .   .   .   .   .   .   .   .   .
delete                  zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
delete_person           entwurf                X   .   .   .   .   .   .   .   .   .   .   X
delete_person           beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
delete_person           genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
delete_person           zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
revert_version          entwurf                X   .   .   .   .   .   .   .   .   .   .   X
revert_version          beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
revert_version          genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
revert_version          zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
einreichen              entwurf                X   .   .   .   .   .   .   .   .   .   .   .
einreichen              genehmigung_fbl        .   .   .   .   .   .   .   .   .   .   .   .
einreichen              zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
genehmigen              genehmigung_fbl        .   .   X   X   .   .   .   .   .   .   .   .
genehmigen              stellungnahme_agentur  .   .   .   .   .   .   .   .   .   .   .   .
genehmigen              zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
zurueckweisen           genehmigung_fbl        .   .   X   X   .   .   .   .   .   .   .   .
zurueckweisen           beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
zurueckweisen           zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
stellungnahme_abgeben   genehmigung_fbl        .   .   .   .   .   .   .   .   .   .   .   .
stellungnahme_abgeben   stellungnahme_agentur  .   .   .   .   .   X   .   .   .   .   .   .
stellungnahme_abgeben   beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
votum_agentur           stellungnahme_agentur  .   .   .   .   .   X   .   .   .   .   .   .
votum_agentur           beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
votum_datenschutz       stellungnahme_agentur  .   .   .   .   .   .   .   .   .   .   .   .
votum_datenschutz       beteiligung            .   .   .   .   .   .   X   .   .   .   .   .
votum_datenschutz       genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
votum_personalrat       stellungnahme_agentur  .   .   .   .   .   .   .   .   .   .   .   .
votum_personalrat       beteiligung            .   .   .   .   .   .   .   X   .   .   .   .
votum_personalrat       genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
votum_poa               stellungnahme_agentur  .   .   .   .   .   .   .   .   .   .   .   .
votum_poa               beteiligung            .   .   .   .   .   .   .   .   X   .   .   .
votum_poa               abgelehnt              .   .   .   .   .   .   .   .   .   .   .   .
votum_poa               zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
votum_itsicherheit      stellungnahme_agentur  .   .   .   .   .   .   .   .   .   .   .   .
votum_itsicherheit      beteiligung            .   .   .   .   .   .   .   .   .   X   .   .
votum_itsicherheit      genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          entwurf                .   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          genehmigung_fbl        X   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          beteiligung            X   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          genehmigt              X   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          abgelehnt              X   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          zurueckgewiesen        X   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          archiviert             .   .   .   .   .   .   .   .   .   .   .   .
erneut_stellen          eingestellt            .   .   .   .   .   .   .   .   .   .   .   .
einstellen              beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
einstellen              genehmigt              X   .   X   X   .   .   .   .   .   .   .   .
einstellen              eingestellt            .   .   .   .   .   .   .   .   .   .   .   .
einstellen              zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
rueckfrage_beantworten  beteiligung            .   .   .   .   .   .   .   .   .   .   .   .
einschaetzung_nachtragen beteiligung           .   .   .   .   .   .   .   .   .   .   .   .
einschaetzung_nachtragen genehmigt             .   .   .   .   .   .   X   X   X   X   .   .
einschaetzung_nachtragen abgelehnt             .   .   .   .   .   .   X   X   X   X   .   .
einschaetzung_nachtragen eingestellt           .   .   .   .   .   .   .   .   .   .   .   .
archivieren             genehmigt              .   .   .   .   .   .   .   .   .   .   .   .
archivieren             zurueckgewiesen        .   .   .   .   .   .   .   .   .   .   .   .
"""
# fmt: on


def _rows():
    lines = [line.split() for line in MATRIX.strip().splitlines()[1:]]
    return [
        (action, state, dict(zip(ACTORS, cells, strict=True)))
        for action, state, *cells in lines
    ]


def _child(antrag, portal_type):
    return next(o for o in antrag.objectValues() if o.portal_type == portal_type)


def _has(permission, obj):
    return bool(api.user.has_permission(permission, obj=obj))


def _addable(antrag, portal_type):
    return portal_type in {fti.getId() for fti in antrag.allowedContentTypes()}


def _can_transition(antrag, transition_id):
    """The workflow's own answer: transition exists in the state, guard passes."""
    (workflow,) = api.portal.get_tool("portal_workflow").getWorkflowsFor(antrag)
    return bool(workflow.isActionSupported(antrag, transition_id))


CHECKS = {
    "view": lambda a: _has("View", a),
    "edit": lambda a: _has("Modify portal content", a),
    "edit_person": lambda a: _has("Modify portal content", _child(a, "Person")),
    "edit_anlage": lambda a: _has("Modify portal content", _child(a, "Anlage")),
    "add_person": lambda a: _addable(a, "Person"),
    "add_anlage": lambda a: _addable(a, "Anlage"),
    "delete": lambda a: (
        _has("Delete objects", a) and _has("Delete objects", a.aq_parent)
    ),
    "delete_person": lambda a: (
        _has("Delete objects", _child(a, "Person")) and _has("Delete objects", a)
    ),
    "revert_version": lambda a: _has("CMFEditions: Revert to previous versions", a),
    "erneut_stellen": lambda a: _has("stadtdo.sozialnetz: Reapply Antrag", a),
}


def _check(action, antrag):
    if action in CHECKS:
        return CHECKS[action](antrag)
    return _can_transition(antrag, action)


@pytest.fixture(scope="module")
def rows():
    return _rows()


def test_matrix_is_complete_and_well_formed():
    for action, state, cells in _rows():
        assert len(cells) == len(ACTORS), (action, state)
        assert set(cells.values()) <= {"X", "."}, (action, state)


STATES = sorted({state for _, state, _ in _rows()})


@pytest.mark.parametrize("state", STATES)
def test_permission_matrix(state, antrag_in):
    antrag = antrag_in(state, mit_anlage=True)
    mismatches = []
    for action, row_state, cells in _rows():
        if row_state != state:
            continue
        for actor, expected in cells.items():
            with api.env.adopt_user(username=actor):
                allowed = _check(action, antrag)
            if allowed != (expected == "X"):
                mismatches.append(
                    f"{action} in {state} as {actor}: expected {expected}, got {'X' if allowed else '.'}"
                )
    assert not mismatches, "\n".join(mismatches)


def test_matrix_covers_every_state_and_every_user_step(integration):
    """No state and no transition of the workflow is left out of the table."""
    from stadtdo.sozialnetz.verfahren import workflow

    definition = workflow.definition()
    assert set(STATES) == set(definition.states)
    actions = {action for action, _, _ in _rows()}
    user_steps = {t for t in definition.transitions if workflow.ist_benutzerschritt(t)}
    assert user_steps <= actions, sorted(user_steps - actions)
