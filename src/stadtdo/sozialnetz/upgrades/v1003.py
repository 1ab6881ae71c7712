"""Profile version 1003: trust at department level (issue 20).

Each step calls the function of the concern it belongs to; each is
idempotent and returns (and logs) what it changed.

- ``fachbereichsrechte``: rolemap and Sharing page again (department roles
  only on Fachbereich folders, no „Manage users“ for Site Administrators as
  in stock Plone), grants of department roles outside their folder or to
  foreign principals removed and recorded, people who are head and body
  member at once listed (``rechte.upgrades.fachbereichsrechte_einfuehren``).
- ``konten``: the permission to link accounts, and every Person linked to the
  one account whose address it names; ambiguous ones listed for StA 11
  (``rechte.konten.upgrade_verknuepfen``).
- ``weblinks``: stored addresses that are not http(s) emptied and listed
  (``content.weblink.links_neutralisieren``).
- ``anlagen``: attachments served with the content type of their checked
  file type (``content.anlage.anlagen_inhaltstypen``).
- ``ausgeschlossen``: catalog index ``ausgeschlossen`` („Meine Aufgaben“
  leaves out the applicant while the head decides), filled and checked.
"""

from plone import api
from stadtdo.sozialnetz.content.anlage import anlagen_inhaltstypen
from stadtdo.sozialnetz.content.weblink import links_neutralisieren
from stadtdo.sozialnetz.rechte.konten import upgrade_verknuepfen
from stadtdo.sozialnetz.rechte.upgrades import fachbereichsrechte_einfuehren
from stadtdo.sozialnetz.upgrades.katalog import antraege_neu_indizieren
import logging


logger = logging.getLogger("stadtdo.sozialnetz.upgrades")


def fachbereichsrechte(context):
    """1002 → 1003: department roles only where they belong."""
    return fachbereichsrechte_einfuehren(context)


def konten(context):
    """1002 → 1003: Persons linked to accounts by StA 11, not by e-mail."""
    return upgrade_verknuepfen(context)


def weblinks(context):
    """1002 → 1003: links only to the web."""
    return links_neutralisieren(context)


def anlagen(context):
    """1002 → 1003: attachments served as checked."""
    return anlagen_inhaltstypen(context)


def ausgeschlossen(context):
    """1002 → 1003: catalog index ``ausgeschlossen``, filled for every
    Antrag and checked. Returns the number of Anträge indexed."""
    catalog = api.portal.get_tool("portal_catalog")
    if "ausgeschlossen" not in catalog.indexes():
        catalog.addIndex("ausgeschlossen", "KeywordIndex")
    anzahl = antraege_neu_indizieren(["ausgeschlossen"], schritt="1003 Aufgaben")
    logger.info("1003: Index ausgeschlossen für %s Anträge", anzahl)
    return anzahl
