"""Facts read from an Antrag's workflow history."""

from datetime import date


WORKFLOW = "sozialnetz_antrag_workflow"


def genehmigt_am(antrag):
    """Date of the (last) approval: the automatic ``beteiligung_genehmigt``
    transition, or for an Antrag taken over from Notes its recorded date."""
    for entry in reversed(antrag.workflow_history.get(WORKFLOW, ())):
        if entry.get("action") == "beteiligung_genehmigt":
            return entry["time"].asdatetime().date()
    imported = getattr(antrag, "notes_genehmigt_am", None)
    return imported if isinstance(imported, date) else None
