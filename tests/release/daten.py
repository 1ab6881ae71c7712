"""Data in and state out of a database, run by zconsole for
tests/release/test_sicherung.py.

    DATEN=anlegen:<n> – n more Anträge in FB 10 with a Person and a PDF,
                        submitted, approved by the head, voted by the
                        Agentur; each older Antrag in beteiligung gets the
                        POA's vote
    DATEN=zustand     – prints the state as JSON: objects per type, each
                        Antrag's state, votes and history length, sha256 of
                        every blob
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import eintraege
from Testing.makerequest import makerequest
from tests.conftest import ANTRAG_DATEN
from tests.conftest import PERSON_DATEN
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
import collections
import hashlib
import json
import os
import transaction


app = makerequest(app)  # noqa: F821 - "app" is provided by zconsole run
setRequest(app.REQUEST)
site = app.Plone
setSite(site)
newSecurityManager(None, system)
catalog = api.portal.get_tool("portal_catalog")
auftrag = os.environ["DATEN"]


def anlegen(anzahl):
    fb10 = site["soziale-netzwerke"]["fb-10"]
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="beteiligung"
    ):
        with api.env.adopt_user(username="poa"):
            schritte.votum(brain._unrestrictedGetObject(), gremium="poa", votum="ja")
    for nummer in range(anzahl):
        with api.env.adopt_user(username="mitarbeiter"):
            antrag = createContentInContainer(fb10, "Antrag", **ANTRAG_DATEN)
            createContentInContainer(antrag, "Person", **PERSON_DATEN)
            createContentInContainer(
                antrag,
                "Anlage",
                title="Konzept",
                file=NamedBlobFile(
                    b"%PDF-1.4 " + os.urandom(64) + str(nummer).encode(),
                    filename="konzept.pdf",
                    contentType="application/pdf",
                ),
            )
            schritte.einreichen(antrag)
        with api.env.adopt_user(username="leitung"):
            schritte.genehmigen(antrag)
        with api.env.adopt_user(username="agentur"):
            schritte.votum(antrag, gremium="agentur", votum="ja")
    transaction.commit()


def zustand():
    typen = collections.Counter(
        b.portal_type for b in catalog.unrestrictedSearchResults()
    )
    antraege, blobs = {}, {}
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        antrag = brain._unrestrictedGetObject()
        antraege[brain.getPath()] = {
            "status": api.content.get_state(antrag),
            "voten": {
                g.id: [e.get("votum") for e in eintraege(antrag, g.id)] for g in GREMIEN
            },
            "verlauf": len(antrag.workflow_history.get(WORKFLOW, ())),
            "katalog_voten": brain.voten,
        }
    for brain in catalog.unrestrictedSearchResults(portal_type="Anlage"):
        datei = brain._unrestrictedGetObject().file
        blobs[brain.getPath()] = hashlib.sha256(datei.data).hexdigest()
    print(
        json.dumps(
            {"typen": typen, "antraege": antraege, "blobs": blobs}, sort_keys=True
        )
    )


if auftrag.startswith("anlegen:"):
    anlegen(int(auftrag.split(":")[1]))
else:
    zustand()
