"""Damage a database for tests/release/test_pruefen.py (run by zconsole with
the directory of ``kaputt_modul`` on PYTHONPATH): a persistent object whose
module will be missing, and a catalog entry whose Antrag is deleted
without a word to the catalog."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone import api
from Testing.makerequest import makerequest
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite
import kaputt_modul
import transaction


app = makerequest(app)  # noqa: F821 - "app" is provided by zconsole run
site = app.Plone
setSite(site)
newSecurityManager(None, system)
IAnnotations(site)["test.kaputt"] = kaputt_modul.Verschwunden()
fachbereich = site["soziale-netzwerke"]["fb-10"]
antrag = api.content.create(container=fachbereich, type="Antrag", id="weg", title="weg")
transaction.commit()
fachbereich._delObject("weg", suppress_events=True)
transaction.commit()
