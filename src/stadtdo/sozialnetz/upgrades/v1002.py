"""Profile version 1002: a 1000 or 1001 site with every vote intact.

- ``fehlende_1001_schritte``: a site that ran an intermediate 1001 build
  already stands at 1001 and never got the 1001 steps added after it; each
  1001 step whose effect is missing (``v1001.EFFEKTE``) runs now.
- ``vorgaenger_wiederherstellen``: under 1000, submitting a re-application
  archived its predecessor at once; since 1001 the predecessor stays approved
  until the re-application is approved. A predecessor archived that way
  whose re-application is not approved goes back to the state it had
  (``genehmigt``), with „Änderung beantragt“ while the re-application is
  under review.
- ``antraege_neu_indizieren``: every Antrag is indexed again, checked
  (``upgrades.katalog``): sites whose 1001 upgrade met the votes as broken
  objects (before the BBB alias ``stadtdo.sozialnetz.voten``) had recorded
  "no votes" in the Übersicht and an empty „Meine Aufgaben“.
"""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.upgrades import v1001
from stadtdo.sozialnetz.upgrades.katalog import antraege
from stadtdo.sozialnetz.upgrades.katalog import antraege_neu_indizieren
from stadtdo.sozialnetz.upgrades.katalog import UpgradeFehler
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

#: The history action with which 1002 gives a predecessor its state back.
UMSTELLUNG_1002 = "umstellung_wiederhergestellt"
#: How 1000 commented the archive step on submission of a re-application.
ARCHIVIERT_1000 = "Abgelöst durch den erneuten Antrag"
#: States of a re-application in which its approval has happened.
ABGELOEST_DURCH = ("genehmigt", "eingestellt", "archiviert")


def fehlende_1001_schritte(context):
    """1001 → 1002: run each 1001 step whose effect the site lacks.
    Returns the names of the steps run."""
    nachgeholt = []
    for name, vorhanden in v1001.EFFEKTE:
        if vorhanden():
            continue
        logger.info("1002: 1001-Schritt %s fehlte, wird nachgeholt", name)
        v1001._schritte()[name](context)
        if not vorhanden():
            raise UpgradeFehler(
                f"1001-Schritt {name}: nach dem Nachholen fehlt er noch"
            )
        nachgeholt.append(name)
    logger.info("1002: %d 1001-Schritte nachgeholt: %s", len(nachgeholt), nachgeholt)
    return nachgeholt


def _von_1000_archiviert(antrag):
    """The history entry before 1000's archive step, if ``antrag`` was
    archived by the submission of its re-application; else None."""
    verlauf = [e for e in antrag.workflow_history.get(WORKFLOW, ()) if e.get("action")]
    if len(verlauf) < 2 or api.content.get_state(antrag) != "archiviert":
        return None
    letzter = verlauf[-1]
    if letzter["action"] != "archivieren":
        return None
    if not str(letzter.get("comments", "")).startswith(ARCHIVIERT_1000):
        return None
    return verlauf[-2]


def vorgaenger_wiederherstellen(context):
    """1001 → 1002: predecessors archived under 1000 whose re-application is
    not approved are approved again. Returns their Antragsnummern."""
    wf_tool = api.portal.get_tool("portal_workflow")
    wiederhergestellt = []
    for antrag in antraege():
        vorher = _von_1000_archiviert(antrag)
        if vorher is None:
            continue
        if any(
            api.content.get_state(neu) in ABGELOEST_DURCH
            for neu in erneut.nachkommen(antrag)
        ):
            continue
        wf_tool.setStatusOf(
            WORKFLOW,
            antrag,
            {
                "action": UMSTELLUNG_1002,
                "actor": "system",
                "comments": (
                    "Umstellung auf Version 1002: Die Genehmigung gilt, bis der "
                    "erneute Antrag genehmigt ist."
                ),
                "review_state": vorher["review_state"],
                "time": DateTime(),
                "gremium": "",
                "votum": "",
            },
        )
        wf_tool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(antrag)
        antrag.reindexObjectSecurity()
        erneut.aenderung_vermerken(antrag)
        wiederhergestellt.append(antrag.antragsnummer)
    logger.info(
        "1002: %d Vorgänger wiederhergestellt: %s",
        len(wiederhergestellt),
        wiederhergestellt,
    )
    return wiederhergestellt


def antraege_neu_indizieren_1002(context):
    """1001 → 1002: every Antrag indexed again, checked."""
    return antraege_neu_indizieren(schritt="1002 Katalog")
