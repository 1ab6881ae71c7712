"""The database folder „Soziale Netzwerke“: its id, and the one way to find it
(from the portal, or from an object inside it)."""

from plone import api
from stadtdo.sozialnetz.content.fachbereich import IDatenbank


#: id of the database folder in the portal (created by ``setuphandlers``)
DATENBANK_ID = "soziale-netzwerke"


def get_datenbank():
    """The database folder of the current portal, or ``None`` if the site has
    none."""
    return api.portal.get().get(DATENBANK_ID)


def datenbank_von(obj):
    """The database folder ``obj`` lies in (or is), else ``None``."""
    for item in getattr(obj, "aq_chain", ()):
        if IDatenbank.providedBy(item):
            return item
    return None
