"""Helpers for the concurrency tests: work as a demo user in a ZODB connection
and transaction of its own, the way one request of one Zope thread (or of a
second instance on the same database) does."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from plone.testing.zope import addRequestContainer
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest
import contextlib
import pytest
import random
import threading
import time
import transaction


@contextlib.contextmanager
def eigene_verbindung(db, userid):
    """Yield ``(portal, tm)``: the site in a new connection of ``db``,
    ``userid`` logged in. Nothing is committed here.

    ``tm`` is the thread's own transaction manager, as in a Zope request:
    Plone's indexing queue joins the transaction of that one."""
    tm = transaction.manager
    conn = db.open()
    try:
        tm.begin()
        app = addRequestContainer(conn.root()["Application"])
        portal = app["plone"]
        setSite(portal)
        setRequest(app.REQUEST)
        user = portal.acl_users.getUserById(userid)
        newSecurityManager(None, user.__of__(portal.acl_users))
        yield portal, tm
    finally:
        tm.abort()
        noSecurityManager()
        clearRequest()
        setSite(None)
        conn.close()


def gleichzeitig(db, auftraege, *, wiederholungen=0, gemeinsam_committen=True):
    """Run every ``(userid, arbeit)`` of ``auftraege`` in a thread of its own,
    each in its own connection; ``arbeit(portal)`` returns a result.

    With ``gemeinsam_committen`` all threads wait for each other before their
    first commit, so their transactions overlap for certain. A ConflictError
    at commit is repeated up to ``wiederholungen`` times, as Zope's publisher
    does with a request. Returns one ``(status, result, conflicts)`` per
    Auftrag, in order; status is "ok" or "error" (then result is the error),
    conflicts the messages of the ConflictErrors met (they name the class of
    the object in conflict).
    """
    barrier = threading.Barrier(len(auftraege))
    ergebnisse = [None] * len(auftraege)

    def laufen(index, userid, arbeit):
        konflikte = []
        try:
            while True:
                with eigene_verbindung(db, userid) as (portal, tm):
                    ergebnis = arbeit(portal)
                    if gemeinsam_committen and not konflikte:
                        barrier.wait(timeout=60)
                    try:
                        tm.commit()
                    except ConflictError as error:
                        konflikte.append(str(error))
                        if len(konflikte) > wiederholungen:
                            ergebnisse[index] = (
                                "error",
                                f"{error!r}: {error}",
                                konflikte,
                            )
                            return
                        # a random pause as the publisher's (1, 2, 4 … s), shorter
                        time.sleep(random.uniform(0, 0.02 * 2 ** len(konflikte)))
                        continue
                ergebnisse[index] = ("ok", ergebnis, konflikte)
                return
        except Exception as error:  # reported to the test
            ergebnisse[index] = ("error", f"{error!r}: {error}", konflikte)

    threads = [
        threading.Thread(target=laufen, args=(index, userid, arbeit))
        for index, (userid, arbeit) in enumerate(auftraege)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return ergebnisse


#: Zope's max-conflict-retries of the instance (instance/etc/zope.conf.in).
WIEDERHOLUNGEN = 6


@pytest.fixture
def portal(functional_portal):
    """The fixtures of tests/conftest.py work on the functional portal here:
    what a test commits is seen by the other connections."""
    return functional_portal
