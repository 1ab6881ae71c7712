"""Consistency check of the record: votes, workflow history and catalog agree.

Each vote is kept three times: in the body's own record (``voten``), as a
step in the workflow history (actor, time, comment, body, vote) and in the
catalog metadata the Übersicht and the report read. ``abweichungen`` compares
them for one Antrag, ``pruefen`` for the whole database; the preview of
``@@sozialnetz-jobs`` lists every mismatch, so an auditor learns of a record
that does not add up.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Sequence
from plone import api
from stadtdo.sozialnetz.content.gremien import AGENTUR_ABSCHLUSS
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import OFFEN
from stadtdo.sozialnetz.verfahren.voten import VOTEN
from stadtdo.sozialnetz.verfahren.workflow import NACHTRAG
from typing import Any
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from Products.ZCatalog.interfaces import ICatalogBrain
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.fachbereich import IDatenbank


#: Transitions that record a vote, and the body they record it for.
VOTUM_SCHRITTE = {g.transition: g.id for g in GREMIEN} | {AGENTUR_ABSCHLUSS: "agentur"}


def _historie(antrag: IAntrag) -> Sequence[Mapping[str, Any]]:
    return antrag.workflow_history.get(WORKFLOW, ())


def _gremium_des_votums(entry: Mapping[str, Any]) -> str | None:
    """The body a history entry records a vote of, or None; the assessment
    after the end of the process names its body in the entry."""
    action = entry.get("action") or ""
    if action == NACHTRAG:
        return entry.get("gremium") or ""
    return VOTUM_SCHRITTE.get(action)


#: The history entry of an Antrag taken over from Notes; the votes recorded
#: there came with it and have no step of their own.
NOTES_UEBERNAHME = "aus_notes_uebernommen"


def letztes_votum_im_verlauf(antrag: IAntrag, gremium_id: str) -> str | None:
    """The body's last vote as the workflow history has it (``offen`` if
    none), or None when the vote came with the Notes take-over."""
    for entry in reversed(_historie(antrag)):
        if _gremium_des_votums(entry) == gremium_id:
            return entry.get("votum") or ""
        if entry.get("action") == NOTES_UEBERNAHME:
            return None
    return OFFEN


def abweichungen(antrag: IAntrag, brain: ICatalogBrain | None = None) -> list[str]:
    """German descriptions of every mismatch in the record of ``antrag``."""
    result = []
    for entry in _historie(antrag):
        action = entry.get("action")
        gremium_id = _gremium_des_votums(entry)
        if gremium_id is not None and (
            entry.get("gremium") != gremium_id
            or not gremium_id
            or entry.get("votum") not in VOTEN
        ):
            result.append(f"Verlaufseintrag „{action}“ ohne gültiges Votum")
        if action == "zurueckweisen" and not (entry.get("comments") or "").strip():
            result.append("Zurückweisung ohne Begründung im Verlauf")
        if action == "rueckfrage_beantworten" and not (
            entry.get("gremium") and (entry.get("comments") or "").strip()
        ):
            result.append("Antwort auf eine Rückfrage ohne Text im Verlauf")
    metadaten = (brain.voten or {}) if brain is not None else None
    for gremium in GREMIEN:
        aktuell = aktuelles_votum(antrag, gremium.id)["votum"]
        verlauf = letztes_votum_im_verlauf(antrag, gremium.id)
        if verlauf is not None and aktuell != verlauf:
            result.append(
                f"{gremium.id}: Votum „{aktuell}“, im Verlauf zuletzt „{verlauf}“"
            )
        if metadaten is not None and metadaten.get(gremium.id, OFFEN) != aktuell:
            result.append(
                f"{gremium.id}: Votum „{aktuell}“, im Katalog "
                f"„{metadaten.get(gremium.id, OFFEN)}“"
            )
    return result


def pruefen(datenbank: IDatenbank | None = None) -> list[tuple[str, str, list[str]]]:
    """Check every Antrag; returns ``[(antragsnummer, url, [mismatches])]``
    for the Anträge whose record does not add up. A catalog entry without
    object is skipped (``sozialnetz-pruefen`` reports it as such)."""
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "Antrag"}
    if datenbank is not None:
        query["path"] = "/".join(datenbank.getPhysicalPath())
    result = []
    portal = api.portal.get()
    for brain in catalog.unrestrictedSearchResults(**query):
        antrag = portal.unrestrictedTraverse(brain.getPath(), None)
        if antrag is None:
            continue
        gefunden = abweichungen(antrag, brain)
        if gefunden:
            result.append((antrag.antragsnummer, antrag.absolute_url(), gefunden))
    return result
