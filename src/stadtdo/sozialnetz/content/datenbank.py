"""The database folder „Soziale Netzwerke“: its id, and the one way to find it
(from the portal, or from an object inside it)."""

from plone import api
from stadtdo.sozialnetz.content.fachbereich import IDatenbank


#: id of the database folder in the portal (created by ``setuphandlers``)
DATENBANK_ID = "soziale-netzwerke"


def get_datenbank(portal=None):
    """The database folder of ``portal`` (default: the current portal), or
    ``None`` if the site has none."""
    portal = portal if portal is not None else api.portal.get()
    return portal.get(DATENBANK_ID)


def datenbank_von(obj):
    """The database folder ``obj`` lies in (or is), else ``None``."""
    for item in getattr(obj, "aq_chain", ()):
        if IDatenbank.providedBy(item):
            return item
    return None
