"""Profile version 1008: the Systemhaus both ways (issue 23 item 3).

- ``systemhaus_bestaetigung``: the control panel gets the settings of the
  confirmation link and of the reminder and escalation of unconfirmed
  orders (``systemhaus_link_tage``, ``systemhaus_erinnerung_arbeitstage``,
  ``systemhaus_eskalation_arbeitstage``); the catalog the column
  ``systemhaus_offen``; the site the secret of the links
  (``notifications.bestaetigung``). The orders already recorded on the
  Anträge went out without a link: they are marked ``vor_einfuehrung``
  (shown so on the Antrag page, never reminded, no link accepted). Nothing
  else of an Antrag changes. Idempotent; returns the number of orders
  marked.
"""

from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.notifications.bestaetigung import geheimnis_anlegen
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.stand import SYSTEMHAUS
from stadtdo.sozialnetz.upgrades.katalog import antraege
from stadtdo.sozialnetz.upgrades.v1001 import PROFILE
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

SPALTE = "systemhaus_offen"


def alte_auftraege_markieren(antrag):
    """Mark the orders of ``antrag`` without an id (sent before 1008) as
    ``vor_einfuehrung``; return how many were marked."""
    auftraege = IMitteilungsstand(antrag).liste(SYSTEMHAUS)
    if not auftraege:
        return 0
    markiert = 0
    for index, auftrag in enumerate(auftraege):
        if auftrag.get("id") or auftrag.get("vor_einfuehrung"):
            continue
        neu = PersistentMapping(auftrag)
        neu["vor_einfuehrung"] = True
        auftraege[index] = neu
        markiert += 1
    return markiert


def systemhaus_bestaetigung(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry")
    catalog = api.portal.get_tool("portal_catalog")
    if SPALTE not in catalog.schema():
        catalog.addColumn(SPALTE)
    geheimnis_anlegen()
    markiert = sum(alte_auftraege_markieren(antrag) for antrag in antraege())
    logger.info("1008: %d Aufträge an das Systemhaus „vor Einführung“", markiert)
    return markiert
