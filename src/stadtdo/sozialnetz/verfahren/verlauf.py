"""The Antrag workflow: its id, its states, and facts read from an Antrag's
workflow history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.antrag import IAntrag


WORKFLOW = "sozialnetz_antrag_workflow"

#: the states of ``WORKFLOW`` in the order of the process
STATUS = (
    "entwurf",
    "genehmigung_fbl",
    "stellungnahme_agentur",
    "beteiligung",
    "genehmigt",
    "abgelehnt",
    "zurueckgewiesen",
    "archiviert",
    "eingestellt",
)


def genehmigt_am(antrag: IAntrag) -> date | None:
    """Date of the (last) approval: the automatic ``beteiligung_genehmigt``
    transition, or for an Antrag taken over from Notes its recorded date."""
    for entry in reversed(antrag.workflow_history.get(WORKFLOW, ())):
        if entry.get("action") == "beteiligung_genehmigt":
            return entry["time"].asdatetime().date()
    imported = getattr(antrag, "notes_genehmigt_am", None)
    return imported if isinstance(imported, date) else None


def eingestellt_am(antrag: IAntrag) -> date | None:
    """Date the account was (last) closed (``eingestellt``), or None."""
    for entry in reversed(antrag.workflow_history.get(WORKFLOW, ())):
        if entry.get("review_state") == "eingestellt":
            return entry["time"].asdatetime().date()
    return None


def zustand_seit(antrag: IAntrag, state: str) -> date | None:
    """Date ``antrag`` (last) entered ``state``, or None."""
    for entry in reversed(antrag.workflow_history.get(WORKFLOW, ())):
        if entry.get("review_state") == state:
            return entry["time"].asdatetime().date()
    return None


def akteure(antrag: object, action: str) -> list[str]:
    """The user ids who took the transition ``action`` on ``antrag``, oldest
    first (empty for an object without the Antrag workflow's history)."""
    history = getattr(antrag, "workflow_history", None) or {}
    return [
        entry.get("actor")
        for entry in history.get(WORKFLOW, ())
        if entry.get("action") == action and entry.get("actor")
    ]


#: The actor recorded for steps the process takes by itself: the decision
#: after the last needed vote and the archiving of a predecessor. They are
#: not credited to the person whose request happened to set them off.
AUTOMATISCH = "automatisch"

#: the history action with which upgrade 1001 recorded the change of state of
#: drafts the head had sent back (``upgrades.v1001``)
UMSTELLUNG_1001 = "umstellung_zurueckgewiesen"

#: Comments recorded with the system's own steps.
SYSTEM_KOMMENTARE = {
    "beteiligung_genehmigt": "Zustimmung von POA und Personalrat",
    "beteiligung_abgelehnt": "Endgültiges Nein von POA oder Personalrat",
}


def als_systemschritt_vermerken(antrag: IAntrag, transition_id: str) -> None:
    """Rewrite the newest history entry of ``antrag`` (just written by
    DCWorkflow for ``transition_id``) as the system's own step: actor
    ``AUTOMATISCH``, no body and vote carried over from the step that set it
    off, and the system's comment (the archive step keeps its own, which
    names the successor)."""
    history = antrag.workflow_history.get(WORKFLOW) or ()
    if not history or history[-1].get("action") != transition_id:
        return
    eintrag = dict(history[-1], actor=AUTOMATISCH, gremium="", votum="")
    if transition_id in SYSTEM_KOMMENTARE:
        eintrag["comments"] = SYSTEM_KOMMENTARE[transition_id]
    antrag.workflow_history[WORKFLOW] = (*history[:-1], eintrag)
