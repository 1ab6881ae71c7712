"""Damage a database for tests/release/test_pruefen.py (run by zconsole with
the directory of ``kaputt_modul`` on PYTHONPATH): a persistent object whose
module will be missing, a catalog entry whose Antrag is deleted without a
word to the catalog, a department folder the catalog lost, and an Antrag
whose vote record has a vote its history lacks."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.verfahren.voten import _storage
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
antrag = createContentInContainer(fachbereich, "Antrag", title="weg")
transaction.commit()
fachbereich._delObject(antrag.getId(), suppress_events=True)
print(f"WEG={antrag.getId()}")
site.portal_catalog.uncatalog_object(
    "/".join(site["soziale-netzwerke"]["fb-50"].getPhysicalPath())
)
ohne_verlauf = createContentInContainer(fachbereich, "Antrag", title="ohne Verlauf")
_storage(ohne_verlauf, create=True)["poa"].eintraege.append(
    {"art": "votum", "votum": "ja", "kommentar": "", "autor": "poa"}
)
transaction.commit()
