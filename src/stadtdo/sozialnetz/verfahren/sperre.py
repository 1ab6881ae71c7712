"""Every step of an Antrag comes through ``verfahren.schritte``, or not at all.

The functions in ``schritte`` check that a step is due, permitted and carries
its data, and then fire the transition with a ``Schritt`` — an object no HTTP
request can produce. This subscriber runs before every transition of the
Antrag workflow, whatever fired it (``@workflow``, ``content_status_modify``,
folder contents, ``portal_workflow.doActionFor`` from a script or the ZMI),
and refuses a user-triggered transition that does not carry its ``Schritt``.
So no step can be recorded without its vote, statement, answer or reason.
Automatic transitions (``beteiligung_genehmigt``/``_abgelehnt``) follow from
a step and need none.
"""

from __future__ import annotations

from dataclasses import dataclass
from Products.CMFCore.WorkflowCore import WorkflowException
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from typing import TYPE_CHECKING
import logging


if TYPE_CHECKING:
    from Products.DCWorkflow.interfaces import IBeforeTransitionEvent
    from stadtdo.sozialnetz.content.antrag import IAntrag


logger = logging.getLogger("stadtdo.sozialnetz.verfahren")


@dataclass(frozen=True)
class Schritt:
    """Proof that ``verfahren.schritte`` checked the step and its data."""

    transition: str
    gremium: str = ""
    votum: str = ""


#: Which service or form records a step that carries data.
ENDPUNKT = {
    "zurueckweisen": "POST <Antrag>/@workflow/zurueckweisen mit "
    '{"comment": "Begründung"}',
    "stellungnahme_abgeben": "POST <Antrag>/@votum mit "
    '{"gremium": "agentur", "votum": "ja", "kommentar": "…"}',
    "rueckfrage_beantworten": "POST <Antrag>/@rueckfrage mit "
    '{"gremium": "…", "antwort": "…"}',
    "einschaetzung_nachtragen": "POST <Antrag>/@votum mit "
    '{"gremium": "…", "votum": "ja" oder "nein", "kommentar": "…"}',
    "archivieren": "vom System, sobald der erneute Antrag genehmigt ist",
}


def endpunkt(transition_id: str) -> str:
    """Where a client records ``transition_id`` with its data."""
    if transition_id.startswith("votum_"):
        gremium = transition_id.removeprefix("votum_")
        return (
            f'POST <Antrag>/@votum mit {{"gremium": "{gremium}", "votum": "…", '
            '"kommentar": "…"}'
        )
    return ENDPUNKT.get(transition_id, f"POST <Antrag>/@workflow/{transition_id}")


class SchrittOhneDaten(WorkflowException):
    """A transition fired past ``verfahren.schritte``; German message."""


def nur_ueber_schritte(antrag: IAntrag, event: IBeforeTransitionEvent) -> None:
    """IBeforeTransitionEvent: refuse a user step without its ``Schritt``."""
    tdef = event.transition
    if tdef is None or event.workflow.getId() != WORKFLOW:
        return
    if tdef.trigger_type != 1:  # automatic transitions follow from a step
        return
    schritt = (event.kwargs or {}).get("schritt")
    if isinstance(schritt, Schritt) and schritt.transition == tdef.getId():
        return
    logger.warning(
        "Schritt %r an %s ohne Verfahrensprüfung abgewiesen",
        tdef.getId(),
        "/".join(antrag.getPhysicalPath()),
    )
    raise SchrittOhneDaten(
        f"Der Schritt „{tdef.title}“ wird nur über das Verfahren der Datenbank "
        f"erfasst: {endpunkt(tdef.getId())}."
    )
