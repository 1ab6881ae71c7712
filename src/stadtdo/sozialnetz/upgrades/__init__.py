"""Upgrade steps of the profile ``stadtdo.sozialnetz:default``."""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

PROFILE = "profile-stadtdo.sozialnetz:default"

#: The history action with which 1001 records its change of state.
UMSTELLUNG_1001 = "umstellung_zurueckgewiesen"


def _war_zurueckgewiesen(antrag):
    """True for a draft whose last step was the head's ``zurueckweisen``."""
    aktionen = [
        e.get("action")
        for e in antrag.workflow_history.get(WORKFLOW, ())
        if e.get("action")
    ]
    return bool(aktionen) and aktionen[-1] == "zurueckweisen"


def einheitlicher_verfahrensweg(context):
    """1000 → 1001: the process layer (one path for every step).

    - the workflow definition: state ``zurueckgewiesen``, guards that call
      ``verfahren.guards`` instead of publishable content methods, the
      archive step on approval of the re-application;
    - the catalog column ``aenderung_beantragt``;
    - Anträge that the head sent back under 1000 were drafts again; they are
      frozen as ``zurueckgewiesen`` (their history says so), because no
      submitted Antrag may become editable again. The FB continues with
      „Antrag erneut stellen“.
    """
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "workflow")
    catalog = api.portal.get_tool("portal_catalog")
    if "aenderung_beantragt" not in catalog.schema():
        catalog.addColumn("aenderung_beantragt")
    wf_tool = api.portal.get_tool("portal_workflow")
    umgestellt = 0
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="entwurf"
    ):
        antrag = brain._unrestrictedGetObject()
        if not _war_zurueckgewiesen(antrag):
            continue
        wf_tool.setStatusOf(
            WORKFLOW,
            antrag,
            {
                "action": UMSTELLUNG_1001,
                "actor": "system",
                "comments": (
                    "Umstellung auf Version 1001: Ein zurückgewiesener Antrag bleibt "
                    "unverändert; weiter mit „Antrag erneut stellen“."
                ),
                "review_state": "zurueckgewiesen",
                "time": DateTime(),
                "gremium": "",
                "votum": "",
            },
        )
        antrag.reindexObject(idxs=["review_state"])
        umgestellt += 1
    wf_tool.updateRoleMappings()
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        brain._unrestrictedGetObject().reindexObject(idxs=["review_state"])
    logger.info("1001: %d zurückgewiesene Anträge eingefroren", umgestellt)


def anlagen_pruefen(context):
    """1000 → 1001: Anlagen have their own schema (type and size checked);
    the control panel gets the setting „Größte Anlage (MB)“."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "typeinfo")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry")


def fristen_einfuehren(context):
    """1000 → 1001: deadlines of the votes. The control panel gets the
    deadline, reminder and escalation settings; the catalog the column
    ``faellig_seit``, filled for every Antrag."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry")
    catalog = api.portal.get_tool("portal_catalog")
    if "faellig_seit" not in catalog.schema():
        catalog.addColumn("faellig_seit")
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


def personen_enden_einfuehren(context):
    """1000 → 1001: catalog column ``personen_enden`` for the warning
    ``weniger_als_zwei_personen`` of approved accounts."""
    catalog = api.portal.get_tool("portal_catalog")
    if "personen_enden" not in catalog.schema():
        catalog.addColumn("personen_enden")
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        brain._unrestrictedGetObject().reindexObject(idxs=["review_state"])


def aufgaben_indizes_einfuehren(context):
    """1000 → 1001: catalog indexes ``wartet_auf`` (who has a step due) and
    ``faellig_ab`` (since when the earliest vote is due), so „Meine Aufgaben“
    and the filter „überfällig“ are one catalog query."""
    catalog = api.portal.get_tool("portal_catalog")
    neu = [
        (name, meta_type)
        for name, meta_type in (
            ("wartet_auf", "KeywordIndex"),
            ("faellig_ab", "FieldIndex"),
        )
        if name not in catalog.indexes()
    ]
    for name, meta_type in neu:
        catalog.addIndex(name, meta_type)
    if neu:
        catalog.manage_reindexIndex(ids=[name for name, _ in neu])


def benachrichtigungen_einfuehren(context):
    """1000 → 1001: the personal menu links the notification preferences
    (``@@benachrichtigungen``, action ``user/benachrichtigungen``)."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "actions")


def verantwortung_einfuehren(context):
    """1000 → 1001: offboarding. The catalog gets the index and the column
    ``verantwortung_klaeren`` („Verantwortung klären“ in the Übersicht, its
    filter and the report's warning), filled for every Antrag."""
    catalog = api.portal.get_tool("portal_catalog")
    if "verantwortung_klaeren" not in catalog.indexes():
        catalog.addIndex("verantwortung_klaeren", "FieldIndex")
    if "verantwortung_klaeren" not in catalog.schema():
        catalog.addColumn("verantwortung_klaeren")
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        brain._unrestrictedGetObject().reindexObject(idxs=["verantwortung_klaeren"])


def ohne_schreib_hotspot(context):
    """1000 → 1001 (issue 14, item 2): no write hotspot when Anträge are
    created at the same time.

    - history ids of CMFEditions are drawn in a transaction of their own
      (component registry: ``IUniqueIdGenerator``, see
      ``stadtdo.sozialnetz.nummernkreis``);
    - the Fachbereich folders keep no manual order of their Anträge any more:
      the list of plone.folder's default ordering in their annotations is
      removed.
    """
    from plone.folder.default import DefaultOrdering
    from zope.annotation.interfaces import IAnnotations

    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "componentregistry")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Fachbereich"):
        folder = brain._unrestrictedGetObject()
        folder.setOrdering("unordered")
        annotations = IAnnotations(folder)
        for key in (DefaultOrdering.ORDER_KEY, DefaultOrdering.POS_KEY):
            if key in annotations:
                del annotations[key]
        logger.info("%s: Anträge without manual order", folder.absolute_url(1))


def volltext_zusammenfuehrbar(context):
    """1000 → 1001 (issue 14, item 2): the catalog's text indexes keep every
    word's documents in an IIBTree, so two creates at the same moment merge
    there instead of conflicting (see ``stadtdo.sozialnetz.volltext``)."""
    from stadtdo.sozialnetz import volltext

    umgestellt = volltext.einrichten()
    logger.info("Volltextindizes umgestellt, %d Wortlisten", umgestellt)
