"""Data built once per test module instead of once per test.

A module that defines ``VORRAT`` — a function ``VORRAT(bausteine)`` that
builds content with the fixtures' own helpers (``tests.conftest.Bausteine``:
``antrag_in``, ``make_antrag``, ``add_person``; ``schritt``, ``abstimmen``)
and returns what it built (objects, or dicts/lists/tuples of them) — gets
that data built ONCE, committed into a DemoStorage of its own that sits
between the add-on's fixture and each test's storage:

    add-on fixture (demo site) → Vorrat of the module → the test's own
    DemoStorage (functional) or aborted transaction (integration)

Every test of the module starts from the same committed data, may change it
at will and leaves nothing behind for the next test — exactly as if it had
built the data itself, only without walking the same Anträge through the
workflow again for every test. The fixture ``vorrat`` gives the test the
objects in its own connection (same structure as ``VORRAT`` returned).

The storage is pushed on plone.testing's resource stack ``zodbDB`` (the way
``FunctionalTesting.testSetUp`` stacks its own) and popped when the module
ends; modules without ``VORRAT`` are not touched. Loaded as a pytest plugin
by tests/conftest.py.
"""

from plone.app.testing import PLONE_SITE_ID
from plone.testing import Layer
from plone.testing import zodb
from plone.testing import zope
from stadtdo.sozialnetz.testing import FIXTURE
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
import pytest
import transaction


class _Pfad(str):
    """A built object, remembered by its physical path."""


def _pfade(wert):
    if hasattr(wert, "getPhysicalPath"):
        return _Pfad("/".join(wert.getPhysicalPath()))
    if isinstance(wert, dict):
        return {k: _pfade(v) for k, v in wert.items()}
    if isinstance(wert, (list, tuple)):
        return type(wert)(_pfade(v) for v in wert)
    return wert


def _objekte(wert, app):
    if isinstance(wert, _Pfad):
        return app.unrestrictedTraverse(str(wert))
    if isinstance(wert, dict):
        return {k: _objekte(v, app) for k, v in wert.items()}
    if isinstance(wert, (list, tuple)):
        return type(wert)(_objekte(v, app) for v in wert)
    return wert


@pytest.fixture(scope="module", autouse=True)
def _vorrat_des_moduls(request):
    bauen = getattr(request.module, "VORRAT", None)
    if bauen is None:
        yield None
        return
    # the layers (and Zope) are set up once per session, before the first
    # module that needs them
    request.getfixturevalue("functional_session")
    request.getfixturevalue("integration_session")

    # Imported here, not at module level: tests/conftest.py loads this
    # plugin, so a top-level import would be a circle.
    from tests.conftest import Bausteine

    schicht = Layer(bases=(FIXTURE,), name=f"Vorrat:{request.module.__name__}")
    schicht["zodbDB"] = zodb.stackDemoStorage(schicht.get("zodbDB"), name="Vorrat")
    try:
        with zope.zopeApp() as app:
            portal = app[PLONE_SITE_ID]
            setSite(portal)
            setRequest(app.REQUEST)
            try:
                gebaut = bauen(Bausteine(portal["soziale-netzwerke"]["fb-10"]))
                pfade = _pfade(gebaut)
                # commit here: zopeApp() would log and swallow a failing commit
                transaction.commit()
            finally:
                setRequest(None)
                setSite(None)
        yield pfade
    finally:
        schicht["zodbDB"].close()
        del schicht["zodbDB"]


@pytest.fixture
def vorrat(_vorrat_des_moduls, portal):
    """What the module's ``VORRAT`` built, as objects of this test's portal."""
    assert _vorrat_des_moduls is not None, "the module defines no VORRAT"
    return _objekte(_vorrat_des_moduls, portal.getPhysicalRoot())


def _schluessel(state, mit_anlage=False):
    return f"{state}+anlage" if mit_anlage else state


def je_zustand(*zustaende, mit_anlage=False):
    """A ``VORRAT``: one Antrag walked to each of ``zustaende`` (with an
    Anlage if ``mit_anlage``), for ``bausteine_aus_vorrat``."""

    def VORRAT(bausteine):
        return {
            _schluessel(z, mit_anlage): bausteine.antrag_in(z, mit_anlage=mit_anlage)
            for z in zustaende
        }

    return VORRAT


@pytest.fixture(name="bausteine")
def bausteine_aus_vorrat(vorrat, fb10, antrag_daten, person_daten):
    """``bausteine`` for a module with ``VORRAT = je_zustand(...)``
    (``bausteine = bausteine_aus_vorrat`` in the module): the first
    ``antrag_in(state)`` of a test is the module's Antrag in that state,
    untouched (this test's own copy); a second one is walked anew."""
    from tests.conftest import Bausteine

    class AusVorrat(Bausteine):
        def __init__(self):
            super().__init__(fb10, antrag_daten, person_daten)
            self.unberuehrt = dict(vorrat)

        def antrag_in(self, state, mit_anlage=False):
            antrag = self.unberuehrt.pop(_schluessel(state, mit_anlage), None)
            if antrag is not None:
                return antrag
            return super().antrag_in(state, mit_anlage=mit_anlage)

    return AusVorrat()
