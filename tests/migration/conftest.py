"""Running the Notes import as the console script does, in the test layer."""

from plone import api
from stadtdo.sozialnetz.migration.csv_reader import csv_datensaetze
from stadtdo.sozialnetz.migration.csv_reader import dekodieren
from stadtdo.sozialnetz.migration.uebernahme import uebernehmen
import pytest


@pytest.fixture
def import_csv(datenbank):
    """``import_csv(text_or_bytes, encoding=None, probelauf=False)``."""

    def _import(inhalt, *, encoding=None, **kw):
        if isinstance(inhalt, str):
            inhalt = inhalt.encode("utf-8")
        with api.env.adopt_roles(["Manager"]):
            return uebernehmen(
                datenbank, csv_datensaetze(dekodieren(inhalt, encoding)), **kw
            )

    return _import


@pytest.fixture
def import_dxl(datenbank):
    """``import_dxl(path, probelauf=False)``."""

    from stadtdo.sozialnetz.migration.dxl_reader import dxl_datensaetze

    def _import(pfad, **kw):
        with api.env.adopt_roles(["Manager"]):
            return uebernehmen(datenbank, dxl_datensaetze(pfad), **kw)

    return _import


@pytest.fixture
def by_notes_id(portal):
    def _by_notes_id(notes_id):
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Antrag", notes_id=notes_id
        )
        return brains[0]._unrestrictedGetObject()

    return _by_notes_id
