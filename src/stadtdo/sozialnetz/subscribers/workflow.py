"""What follows a transition of an Antrag: a saved version, the archive step."""

from plone import api
from stadtdo.sozialnetz.erneut import ABLOESBAR
import logging


logger = logging.getLogger("stadtdo.sozialnetz")


def _children(antrag):
    return [
        obj for obj in antrag.objectValues() if obj.portal_type in ("Person", "Anlage")
    ]


def save_versions(antrag, event):
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


def archive_predecessor(antrag, event):
    """When a re-application is submitted, its predecessor is superseded."""
    if event.transition is None or event.transition.getId() != "einreichen":
        return
    if not antrag.vorgaenger:
        return
    vorgaenger = api.content.get(UID=antrag.vorgaenger)
    if vorgaenger is None or api.content.get_state(vorgaenger) not in ABLOESBAR:
        return
    # The catalog must know the new state before the guard asks it.
    antrag.reindexObject(idxs=["review_state"])
    api.portal.get_tool("portal_workflow").doActionFor(
        vorgaenger,
        "archivieren",
        comment=f"Abgelöst durch den erneuten Antrag {antrag.antragsnummer}.",
    )
    logger.info(
        "%s archived, superseded by %s", vorgaenger.antragsnummer, antrag.antragsnummer
    )
