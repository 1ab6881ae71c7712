"""Frozen means frozen, even for a Manager (Anlage 1 Nr. 2, DV § 4).

After ``einreichen`` the workflow takes "Modify portal content", "Add portal
content" and "Delete objects" away from every role, Manager included. A
Manager can give them back on one object (``manage_permission`` in the ZMI or
a script); these subscribers hold the line behind the permissions, at the
data layer: every change that comes as a lifecycle event — an edit form, REST
``PATCH``, ``plone.api``, adding or deleting a Person or an Anlage, deleting the
Antrag — is refused while the Antrag is not a draft, whoever holds which
permission. Copying, moving and renaming are refused by ``content.ortsfest``.

Only the process itself changes frozen data, inside ``freigeben``: the
retention period deletes the Anlagen of closed Anträge and anonymises their
Persons. No HTTP request can enter that context.

What is not a lifecycle event is not seen here: an attribute set directly in
the ZMI's Python console or by a script (``obj.kontoname = …`` without
``notify``), or a write to the storage below the application. docs/verwaltung.rst
("Rechte und Sicherheit") names these; they are for the integrity check of
the record to detect.
"""

from __future__ import annotations

from Acquisition import aq_parent
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from typing import TYPE_CHECKING
from zExceptions import Forbidden
from zope.i18n import translate
import logging


if TYPE_CHECKING:
    from OFS.interfaces import IObjectWillBeMovedEvent
    from stadtdo.sozialnetz.content.anlage import IAnlage
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.person import IPerson
    from zope.lifecycleevent.interfaces import IObjectAddedEvent
    from zope.lifecycleevent.interfaces import IObjectModifiedEvent


logger = logging.getLogger("stadtdo.sozialnetz.verfahren")

_FREIGABE: ContextVar[str | None] = ContextVar("sozialnetz_freigabe", default=None)


@contextmanager
def freigeben(grund: str) -> Iterator[None]:
    """Let the process change frozen data inside the block (``grund`` is
    logged with each change it lets through)."""
    token = _FREIGABE.set(grund)
    try:
        yield
    finally:
        _FREIGABE.reset(token)


def _antrag_von(obj: IAntrag | IPerson | IAnlage) -> IAntrag | None:
    if getattr(obj, "portal_type", None) == "Antrag":
        return obj
    parent = aq_parent(obj)
    if getattr(parent, "portal_type", None) == "Antrag":
        return parent
    return None


def ist_eingefroren(antrag: IAntrag | None) -> bool:
    """True once ``antrag`` left its draft state (submitted, whatever came
    after); a draft and an Antrag without workflow state are not frozen."""
    if antrag is None:
        return False
    history = getattr(antrag, "workflow_history", None) or {}
    eintraege = history.get(WORKFLOW) or ()
    if not eintraege:
        return False
    state = eintraege[-1].get("review_state")
    wf = api.portal.get_tool("portal_workflow").get(WORKFLOW)
    return state is not None and wf is not None and state != wf.initial_state


def _pruefen(
    obj: IAntrag | IPerson | IAnlage, antrag: IAntrag | None, was: str
) -> None:
    if not ist_eingefroren(antrag):
        return
    grund = _FREIGABE.get()
    pfad = "/".join(obj.getPhysicalPath())
    if grund is not None:
        logger.info("Eingefrorene Daten geändert (%s): %s %s", grund, was, pfad)
        return
    logger.warning("Änderung eines eingereichten Antrags abgewiesen: %s %s", was, pfad)
    # Forbidden itself: ZPublisher and plone.rest answer 403 by its class name.
    raise Forbidden(
        translate(
            _(
                "Der Antrag ${nummer} ist eingereicht und damit eingefroren: "
                "Seine Angaben, Personen und Anlagen ändert niemand mehr, auch "
                "keine Administratorin. Für Änderungen stellen Sie den Antrag "
                "erneut.",
                mapping={"nummer": getattr(antrag, "antragsnummer", "") or ""},
            ),
            context=api.env.getRequest(),
        )
    )


def geaendert(obj: IAntrag | IPerson | IAnlage, event: IObjectModifiedEvent) -> None:
    """IObjectModifiedEvent of an Antrag, Person or Anlage."""
    _pruefen(obj, _antrag_von(obj), "geändert")


def hinzugefuegt(obj: IPerson | IAnlage, event: IObjectAddedEvent) -> None:
    """IObjectAddedEvent of a Person or Anlage: not into a frozen Antrag.
    Only the object added itself is judged, not the children of a copy."""
    if event.object is obj:
        _pruefen(obj, event.newParent, "hinzugefügt")


def _ueber_dem_fachbereich(event_object: object) -> bool:
    """The whole database (or the site) is removed: an administrator's
    decision about the database, not a change of one record."""
    return getattr(event_object, "portal_type", None) not in (
        "Fachbereich",
        "Antrag",
        "Person",
        "Anlage",
    )


def entfernt(obj: IAntrag | IPerson | IAnlage, event: IObjectWillBeMovedEvent) -> None:
    """IObjectWillBeMovedEvent of an Antrag, a Person or an Anlage: no
    removal (no new parent) while the Antrag is frozen. Moves and renames
    are ``content.ortsfest``'s business, adding ``hinzugefuegt``'s."""
    if event.oldParent is None or event.newParent is not None:
        return
    if _ueber_dem_fachbereich(event.object):
        return
    _pruefen(obj, _antrag_von(obj), "entfernt")
