"""Two bodies voting at the same moment: neither vote is lost.

Two threads, each with its own ZODB connection and transaction manager, record
their vote and commit at the same time. The later commit meets a
ConflictError and is repeated, exactly as Zope's publisher repeats a request;
afterwards both votes are stored, both are in the workflow history, and the
automatic transition has seen both.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from plone import api
from plone.testing.zope import addRequestContainer
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
import threading
import transaction


def _antrag_in_beteiligung(portal):
    from plone.dexterity.utils import createContentInContainer
    from tests.conftest import ANTRAG_DATEN
    from tests.conftest import PERSON_DATEN

    fb10 = portal["soziale-netzwerke"]["fb-10"]
    with api.env.adopt_user(username="mitarbeiter"):
        antrag = createContentInContainer(fb10, "Antrag", **ANTRAG_DATEN)
        createContentInContainer(antrag, "Person", **PERSON_DATEN)
        schritte.einreichen(antrag)
    with api.env.adopt_user(username="leitung"):
        schritte.genehmigen(antrag)
    with api.env.adopt_user(username="agentur"):
        schritte.votum(antrag, gremium="agentur", votum="ja", kommentar="ok")
    return antrag


def _vote_in_own_connection(db, path, userid, gremium, barrier, outcome):
    tm = transaction.TransactionManager()
    conn = db.open(transaction_manager=tm)
    conflicts = 0
    try:
        for attempt in tm.attempts(3):
            with attempt:
                app = addRequestContainer(conn.root()["Application"])
                portal = app["plone"]
                setSite(portal)
                user = portal.acl_users.getUserById(userid)
                newSecurityManager(None, user.__of__(portal.acl_users))
                antrag = portal.unrestrictedTraverse(path)
                schritte.votum(antrag, gremium=gremium, votum="ja")
                if conflicts == 0:
                    barrier.wait(timeout=30)  # commit together on the first try
                try:
                    tm.commit()
                except ConflictError:
                    conflicts += 1
                    raise
        outcome[userid] = ("ok", conflicts)
    except Exception as error:  # reported to the test
        outcome[userid] = ("error", repr(error))
    finally:
        noSecurityManager()
        setSite(None)
        conn.close()


def test_concurrent_votes_of_poa_and_personalrat_both_survive(functional):
    portal = functional["portal"]
    db = functional["zodbDB"]
    antrag = _antrag_in_beteiligung(portal)
    path = "/".join(antrag.getPhysicalPath())
    transaction.commit()

    barrier = threading.Barrier(2)
    outcome = {}
    threads = [
        threading.Thread(
            target=_vote_in_own_connection,
            args=(db, path, userid, gremium, barrier, outcome),
        )
        for userid, gremium in (("poa", "poa"), ("personalrat", "personalrat"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert {status for status, _ in outcome.values()} == {"ok"}, outcome
    # exactly one of the two had to repeat its request
    assert sorted(conflicts for _, conflicts in outcome.values()) == [0, 1]

    conn = db.open()
    try:
        fresh = conn.root()["Application"].unrestrictedTraverse(path)
        assert aktuelles_votum(fresh, "poa")["votum"] == "ja"
        assert aktuelles_votum(fresh, "personalrat")["votum"] == "ja"
        actions = [
            h["action"] for h in fresh.workflow_history["sozialnetz_antrag_workflow"]
        ]
        assert {"votum_poa", "votum_personalrat"} <= set(actions)
        assert (
            fresh.workflow_history["sozialnetz_antrag_workflow"][-1]["review_state"]
            == "genehmigt"
        )
    finally:
        conn.close()
