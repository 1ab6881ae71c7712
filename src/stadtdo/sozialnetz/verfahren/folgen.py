"""What follows a transition of an Antrag: the system's own steps recorded as
such, a saved version, and the predecessor rule of „Antrag erneut stellen“
(Anlage 1 Nr. 3)."""

from __future__ import annotations

from plone import api
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.verlauf import als_systemschritt_vermerken
from typing import TYPE_CHECKING
import logging


if TYPE_CHECKING:
    from Products.DCWorkflow.interfaces import IAfterTransitionEvent
    from stadtdo.sozialnetz.content.anlage import IAnlage
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.person import IPerson


logger = logging.getLogger("stadtdo.sozialnetz")


def _children(antrag: IAntrag) -> list[IPerson | IAnlage]:
    return [
        obj for obj in antrag.objectValues() if obj.portal_type in ("Person", "Anlage")
    ]


def systemschritte_vermerken(antrag: IAntrag, event: IAfterTransitionEvent) -> None:
    """The automatic decision and the archiving are the system's steps in the
    history, not the steps of whoever's request set them off."""
    tdef = event.transition
    if tdef is None:
        return
    if tdef.trigger_type == 0 or tdef.getId() == workflow.ARCHIVIEREN:
        als_systemschritt_vermerken(antrag, tdef.getId())


def save_versions(antrag: IAntrag, event: IAfterTransitionEvent) -> None:
    """Save a version of the Antrag and of its Persons and Anlagen at every
    transition, so each state can be shown and compared later."""
    if event.transition is None:
        return
    repository = api.portal.get_tool("portal_repository")
    comment = f"{event.transition.title} ({event.old_state.getId()} → {event.new_state.getId()})"
    if event.kwargs and event.kwargs.get("comment"):
        comment = f"{comment}: {event.kwargs['comment']}"
    for obj in [antrag, *_children(antrag)]:
        repository.save(obj=obj, comment=comment)


def predecessor_rule(antrag: IAntrag, event: IAfterTransitionEvent) -> None:
    """A re-application's predecessors stay in force until the re-application
    is approved; then every one of them still in force is archived (a chain
    may pass through a returned Antrag). Every step of the re-application
    refreshes the predecessors' „Änderung beantragt“ in the catalog."""
    if event.transition is None or not antrag.vorgaenger:
        return
    for vorgaenger in erneut.vorgaenger_kette(antrag):
        if event.new_state.getId() == "genehmigt" and schritte.archivieren(
            vorgaenger, nachfolger=antrag
        ):
            logger.info(
                "%s archived, superseded by %s",
                vorgaenger.antragsnummer,
                antrag.antragsnummer,
            )
        erneut.aenderung_vermerken(vorgaenger)
