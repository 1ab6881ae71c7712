"""Profile version 1001: the steps from the first release (1000).

Each step is idempotent: the 1001→1002 step ``v1002.fehlende_1001_schritte``
runs again those whose effect a site lacks (a site that ran an intermediate
1001 build never got the later ones). ``EFFEKTE`` says per step how to see
that it has run.
"""

from AccessControl.Permission import getPermissionIdentifier
from Acquisition import aq_base
from DateTime import DateTime
from plone import api
from plone.folder.default import DefaultOrdering
from Products.CMFUid.interfaces import IUniqueIdGenerator
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.datenschutz.upgrades import datenschutz_einfuehren
from stadtdo.sozialnetz.infrastruktur import volltext
from stadtdo.sozialnetz.infrastruktur.nummernkreis import HistorienIdGenerator
from stadtdo.sozialnetz.rechte.upgrades import rechte_einfuehren
from stadtdo.sozialnetz.upgrades.katalog import antraege_neu_indizieren
from stadtdo.sozialnetz.verfahren.verlauf import UMSTELLUNG_1001
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

PROFILE = "profile-stadtdo.sozialnetz:default"


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
    antraege_neu_indizieren(["review_state"], schritt="1001 Verfahrensweg")
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
    antraege_neu_indizieren(["getId"], schritt="1001 Fristen")


def personen_enden_einfuehren(context):
    """1000 → 1001: catalog column ``personen_enden`` for the warning
    ``weniger_als_zwei_personen`` of approved accounts."""
    catalog = api.portal.get_tool("portal_catalog")
    if "personen_enden" not in catalog.schema():
        catalog.addColumn("personen_enden")
    antraege_neu_indizieren(["review_state"], schritt="1001 Personen")


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
        antraege_neu_indizieren([name for name, _ in neu], schritt="1001 Aufgaben")


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
    antraege_neu_indizieren(["verantwortung_klaeren"], schritt="1001 Verantwortung")


def ohne_schreib_hotspot(context):
    """1000 → 1001 (issue 14, item 2): no write hotspot when Anträge are
    created at the same time.

    - history ids of CMFEditions are drawn in a transaction of their own
      (component registry: ``IUniqueIdGenerator``, see
      ``stadtdo.sozialnetz.infrastruktur.nummernkreis``);
    - the Fachbereich folders keep no manual order of their Anträge any more:
      the list of plone.folder's default ordering in their annotations is
      removed.
    """

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
    there instead of conflicting (see ``stadtdo.sozialnetz.infrastruktur.volltext``)."""
    umgestellt = volltext.einrichten()
    logger.info("Volltextindizes umgestellt, %d Wortlisten", umgestellt)


# What each 1001 step leaves behind, to see whether a site has run it
# (``v1002.fehlende_1001_schritte``). Each check reads the site only.

SETTINGS = "stadtdo.sozialnetz.settings.ISozialnetzSettings."


def _katalog_hat(*, indizes=(), spalten=()):
    catalog = api.portal.get_tool("portal_catalog")
    return set(indizes) <= set(catalog.indexes()) and set(spalten) <= set(
        catalog.schema()
    )


def _registry_hat(*namen):
    registry = api.portal.get_tool("portal_registry")
    return all(SETTINGS + name in registry.records for name in namen)


def _hat_verfahrensweg():
    definition = api.portal.get_tool("portal_workflow").getWorkflowById(WORKFLOW)
    return "zurueckgewiesen" in definition.states.objectIds() and _katalog_hat(
        spalten=["aenderung_beantragt"]
    )


def _hat_anlagen():
    fti = api.portal.get_tool("portal_types")["Anlage"]
    return fti.schema == "stadtdo.sozialnetz.content.anlage.IAnlage" and _registry_hat(
        "anlage_max_mb"
    )


def _hat_rechte():
    return (
        "sozialnetz_vorfall_workflow"
        in api.portal.get_tool("portal_workflow").objectIds()
    )


def _hat_datenschutz():

    portal = aq_base(api.portal.get())
    name = getPermissionIdentifier(permissions.AUSKUNFT)
    return _registry_hat("entwurf_loeschen_nach_tagen") and (
        getattr(portal, name, None) is not None
    )


def _hat_benachrichtigungen():
    user = api.portal.get_tool("portal_actions").get("user")
    return user is not None and "benachrichtigungen" in user.objectIds()


def _hat_hotspot():

    return isinstance(queryUtility(IUniqueIdGenerator), HistorienIdGenerator)


def _hat_volltext():
    catalog = api.portal.get_tool("portal_catalog")
    return not list(volltext._okapi_textindizes(catalog)) or all(
        type(i.index) is volltext.ZusammenfuehrbarerOkapiIndex
        for i in volltext._okapi_textindizes(catalog)
    )


def _schritte():
    return {
        "verfahrensweg": einheitlicher_verfahrensweg,
        "anlagen": anlagen_pruefen,
        "rechte": rechte_einfuehren,
        "datenschutz": datenschutz_einfuehren,
        "fristen": fristen_einfuehren,
        "personen_enden": personen_enden_einfuehren,
        "aufgaben": aufgaben_indizes_einfuehren,
        "verantwortung": verantwortung_einfuehren,
        "benachrichtigungen": benachrichtigungen_einfuehren,
        "hotspot": ohne_schreib_hotspot,
        "volltext": volltext_zusammenfuehrbar,
    }


#: (step, check) in the order of the 1001 steps' sortkeys.
EFFEKTE = (
    ("verfahrensweg", _hat_verfahrensweg),
    ("anlagen", _hat_anlagen),
    ("rechte", _hat_rechte),
    ("datenschutz", _hat_datenschutz),
    (
        "fristen",
        lambda: (
            _katalog_hat(spalten=["faellig_seit"])
            and _registry_hat("frist_arbeitstage")
        ),
    ),
    ("personen_enden", lambda: _katalog_hat(spalten=["personen_enden"])),
    ("aufgaben", lambda: _katalog_hat(indizes=["wartet_auf", "faellig_ab"])),
    (
        "verantwortung",
        lambda: _katalog_hat(
            indizes=["verantwortung_klaeren"], spalten=["verantwortung_klaeren"]
        ),
    ),
    ("benachrichtigungen", _hat_benachrichtigungen),
    ("hotspot", _hat_hotspot),
    ("volltext", _hat_volltext),
)
