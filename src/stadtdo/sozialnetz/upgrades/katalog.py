"""Reindexing in upgrade steps that checks its own result.

Plone's catalog takes an ``AttributeError`` of an indexer for "no value":
a vote record that loads as a broken object (its class path missing) is
indexed as "no votes" without a word. An upgrade step therefore never
reindexes blindly: ``antraege_neu_indizieren`` first reads every Antrag's
votes and history itself and raises ``UpgradeFehler`` (the whole upgrade is
rolled back) on the first one it cannot read, and afterwards compares the
number of Anträge in the tree with the number in the catalog and each
catalogued vote column with the votes read from the object.
"""

from plone import api
from Products.CMFCore.indexing import processQueue
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import ANNOTATION_KEY
from stadtdo.sozialnetz.verfahren.voten import GremiumVoten
from ZODB.broken import Broken
from zope.annotation.interfaces import IAnnotations
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")


class UpgradeFehler(RuntimeError):
    """An upgrade step met data it cannot read or did not reach its result."""


def antraege():
    """Every Antrag in the database folder, from the tree (not the catalog:
    the catalog is what is being checked)."""
    datenbank = get_datenbank()
    if datenbank is None:
        return []
    gefunden = []
    for fachbereich in datenbank.objectValues():
        if getattr(fachbereich, "portal_type", None) != "Fachbereich":
            continue
        gefunden.extend(
            obj
            for obj in fachbereich.objectValues()
            if getattr(obj, "portal_type", None) == "Antrag"
        )
    return gefunden


def rechte_neu_setzen(zustaende):
    """After a new workflow definition: the permission settings of every
    Antrag in one of ``zustaende`` anew, and its security indexes; returns
    how many."""
    definition = api.portal.get_tool("portal_workflow").getWorkflowById(WORKFLOW)
    anzahl = 0
    for antrag in antraege():
        if api.content.get_state(obj=antrag, default=None) in zustaende:
            definition.updateRoleMappingsFor(antrag)
            antrag.reindexObjectSecurity()
            anzahl += 1
    return anzahl


def unlesbar(antrag):
    """What of ``antrag``'s votes and history cannot be read (empty: all)."""
    pfad = "/".join(antrag.getPhysicalPath())
    befunde = []
    if isinstance(antrag, Broken):
        return [f"{pfad}: das Objekt selbst ist nicht ladbar ({type(antrag)!r})"]
    try:
        speicher = IAnnotations(antrag).get(ANNOTATION_KEY)
        for gremium_id, eintrag in (speicher or {}).items():
            if isinstance(eintrag, Broken) or not isinstance(eintrag, GremiumVoten):
                befunde.append(
                    f"{pfad}: Voten „{gremium_id}“ nicht ladbar "
                    f"({type(eintrag).__module__}.{type(eintrag).__name__})"
                )
                continue
            list(eintrag.eintraege)
        list(antrag.workflow_history.get(WORKFLOW, ()))
    except Exception as error:  # anything unreadable is a finding
        befunde.append(f"{pfad}: {type(error).__name__}: {error}")
    return befunde


def voten_gelesen(antrag):
    return {g.id: aktuelles_votum(antrag, g.id)["votum"] for g in GREMIEN}


def antraege_neu_indizieren(idxs=None, *, schritt):
    """Reindex every Antrag (``idxs``: those indexes, their metadata always)
    and check the result; raises ``UpgradeFehler``. Returns the number."""
    objekte = antraege()
    befunde = [p for antrag in objekte for p in unlesbar(antrag)]
    if befunde:
        raise UpgradeFehler(
            f"{schritt}: {len(befunde)} Anträge mit unlesbaren Daten, nichts "
            "wurde geändert:\n" + "\n".join(befunde[:50])
        )
    catalog = api.portal.get_tool("portal_catalog")
    vorher = len(catalog.unrestrictedSearchResults(portal_type="Antrag"))
    for antrag in objekte:
        if idxs:
            antrag.reindexObject(idxs=idxs)
        else:
            antrag.reindexObject()
    processQueue()
    brains = {
        b.getPath(): b for b in catalog.unrestrictedSearchResults(portal_type="Antrag")
    }
    fehler = []
    for antrag in objekte:
        pfad = "/".join(antrag.getPhysicalPath())
        brain = brains.pop(pfad, None)
        if brain is None:
            fehler.append(f"{pfad}: nicht im Katalog")
        elif brain.voten != voten_gelesen(antrag):
            fehler.append(
                f"{pfad}: Katalog {brain.voten!r} ≠ gespeichert {voten_gelesen(antrag)!r}"
            )
    fehler.extend(f"{pfad}: im Katalog, aber kein Antrag" for pfad in brains)
    if fehler:
        raise UpgradeFehler(
            f"{schritt}: Katalog nach dem Neuindizieren falsch:\n"
            + "\n".join(fehler[:50])
        )
    logger.info(
        "%s: %d Anträge neu indiziert (im Katalog vorher %d, nachher %d)",
        schritt,
        len(objekte),
        vorher,
        len(objekte),
    )
    return len(objekte)
