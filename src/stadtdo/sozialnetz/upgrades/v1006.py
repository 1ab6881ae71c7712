"""Profile version 1006: nobody waits in silence (issue 23, item 2).

- ``fbl_frist``: the head's approval gets a deadline in working days like the
  bodies' votes (``verfahren.frist.SCHRITTE``, entry ``fbl``): the control
  panel gets „Frist der Fachbereichsleitung (Arbeitstage)“ (default 5),
  the other settings keep their values; the site records the day of the upgrade
  (``frist.fbl_frist_einfuehren``) – an Antrag already waiting for its head
  counts its deadline from that day, not from its submission, so nobody is
  escalated for time before the rule existed; the catalog gets the column
  ``leitung_fehlt`` (``trennung.leitung_fehlt``), and every Antrag is
  reindexed (``faellig_seit``/``faellig_ab`` with the head's step,
  ``wartet_auf`` with StA 11 where the department has no head to reach).
  Idempotent: the day is recorded once.
"""

from datetime import date
from plone import api
from plone.registry.interfaces import IRegistry
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.upgrades.katalog import antraege_neu_indizieren
from stadtdo.sozialnetz.verfahren.frist import fbl_frist_einfuehren
from zope.component import getUtility
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")


def fbl_frist(context, heute=None):
    """1005 → 1006: the head's deadline, the column ``leitung_fehlt``, every
    Antrag reindexed. Returns the day the head's deadline counts from."""
    # the settings' new record with its default; the others keep their values
    getUtility(IRegistry).registerInterface(ISozialnetzSettings)
    catalog = api.portal.get_tool("portal_catalog")
    if "leitung_fehlt" not in catalog.schema():
        catalog.addColumn("leitung_fehlt")
    seit = fbl_frist_einfuehren(heute or date.today())
    anzahl = antraege_neu_indizieren(
        ["faellig_ab", "wartet_auf"], schritt="1006 Frist der Fachbereichsleitung"
    )
    logger.info(
        "1006: Frist der Fachbereichsleitung ab %s, %s Anträge neu indiziert",
        seit.isoformat(),
        anzahl,
    )
    return seit
