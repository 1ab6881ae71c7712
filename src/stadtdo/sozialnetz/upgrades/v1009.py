"""Profile version 1009: the yearly review answered (issue 23 item 4).

- ``ueberpruefung_einstellungen``: the registry gets the setting
  ``ueberpruefung_antwort_arbeitstage`` (default 20), the site the
  permission „Answer yearly review“ for the department heads and deputies
  (rolemap), the catalog the column ``ueberpruefung_offen_seit``.
- ``ueberpruefungen_vor_einfuehrung``: a review the daily job sent before
  this version to an approved account (nobody could answer it) stays open and is marked „vor
  Einführung“; its deadline runs from the day of the upgrade, not from the
  day it was sent, so no review is overdue on the first day. Every Antrag
  is indexed again (checked). Idempotent; returns the number of reviews
  marked.
"""

from datetime import date
from plone import api
from stadtdo.sozialnetz.datenschutz.ueberpruefung import ZUSTAND
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.upgrades.katalog import antraege
from stadtdo.sozialnetz.upgrades.katalog import antraege_neu_indizieren
from stadtdo.sozialnetz.upgrades.v1001 import PROFILE
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")

SPALTE = "ueberpruefung_offen_seit"


def ueberpruefung_einstellungen(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        PROFILE, "plone.app.registry", run_dependencies=False
    )
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
    catalog = api.portal.get_tool("portal_catalog")
    if SPALTE not in catalog.schema():
        catalog.addColumn(SPALTE)


def ueberpruefungen_vor_einfuehrung(context, *, heute=None):
    heute = heute or date.today()
    markiert = 0
    for antrag in antraege():
        if api.content.get_state(obj=antrag, default=None) != ZUSTAND:
            continue  # only a running account's review is open
        stand = IJobstand(antrag)
        gesendet = list(stand.ueberpruefungen)
        if not gesendet or "vor_einfuehrung" in gesendet[-1]:
            continue
        letzte = gesendet[-1]
        beantwortet = {a["runde"] for a in stand.ueberpruefung_antworten}
        if letzte["runde"] in beantwortet:
            continue
        stand.ueberpruefung_ersetzen(
            len(gesendet) - 1,
            dict(letzte, vor_einfuehrung=True, faellig_ab=heute.isoformat()),
        )
        markiert += 1
    antraege_neu_indizieren(["review_state"], schritt="1009 Überprüfung")
    logger.info("1009: %d gesendete Überprüfungen „vor Einführung“ offen", markiert)
    return markiert
