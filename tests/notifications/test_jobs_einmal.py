"""Two runs of the daily jobs that overlap (two cron calls, two instances of
a cluster) send every mail once: both write the run record, ZODB lets only
one commit, the other is rolled back with its mails and, run again as Zope
retries a conflict, finds nothing left to do.

Each run has its own thread and its own connection to the same database,
as two instances (or two worker threads) have; the mails go through the
real MailHost to an SMTP receiver on localhost at commit.
"""

from AccessControl.SecurityManagement import noSecurityManager
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.jobs.lauf import LAUF_KEY
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest
import pytest
import threading
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


def _lauf(db, path, schritte):
    """Run the jobs in a thread of its own on a connection of its own;
    ``schritte(name)`` is called between the run and the commit and after it.
    Returns what happened: the mails of each attempt and how it ended."""
    ergebnis = {"versuche": []}

    def ziel():
        conn = db.open()
        try:
            for _ in range(2):  # like Zope: one retry after a conflict
                transaction.begin()
                app = makerequest(conn.root()["Application"])
                setRequest(app.REQUEST)
                site = app.unrestrictedTraverse(path)
                setSite(site)
                with api.env.adopt_user(username=SITE_OWNER_NAME):
                    erledigt = run_jobs(today=date.today())
                mails = [e for e in erledigt if e["art"] == "jahresuebersicht"]
                schritte("gelaufen")
                try:
                    transaction.commit()
                except ConflictError:
                    transaction.abort()
                    ergebnis["versuche"].append(("konflikt", len(mails)))
                    schritte("fertig")
                    continue
                ergebnis["versuche"].append(("commit", len(mails)))
                schritte("fertig")
                break
        finally:
            setSite(None)
            clearRequest()
            noSecurityManager()
            conn.close()

    thread = threading.Thread(target=ziel)
    thread.start()
    return thread, ergebnis


def _ueberlappend(portal):
    """Run the jobs twice, overlapping: both compute before A commits, B
    commits after A. Returns the attempts of A and B."""
    db = portal._p_jar.db()
    path = "/".join(portal.getPhysicalPath())
    beide_gelaufen = threading.Barrier(2)
    a_fertig = threading.Event()
    b_versuch = []

    def schritte_a(schritt):
        if schritt == "gelaufen":
            beide_gelaufen.wait(timeout=60)
        else:
            a_fertig.set()

    def schritte_b(schritt):
        if schritt == "gelaufen":
            b_versuch.append(1)
            if len(b_versuch) == 1:
                beide_gelaufen.wait(timeout=60)
                a_fertig.wait(timeout=60)

    thread_a, a = _lauf(db, path, schritte_a)
    thread_b, b = _lauf(db, path, schritte_b)
    thread_a.join(120)
    thread_b.join(120)
    return a["versuche"], b["versuche"]


def test_overlapping_runs_send_each_mail_once(antrag_in, smtp):
    antrag_in("genehmigt")
    api.portal.set_registry_record(
        "digest_monat", date.today().month, interface=ISozialnetzSettings
    )
    portal = api.portal.get()
    transaction.commit()
    smtp.messages.clear()

    a, b = _ueberlappend(portal)
    # A: committed the digest of FB 10
    assert a == [("commit", 1)]
    # B: computed the same digest, lost at commit, found nothing on the retry
    assert b == [("konflikt", 1), ("commit", 0)]
    # one mail each to head and deputy, not two
    smtp.wait_for(3, timeout=5)
    assert smtp.to("Jahresübersicht") == [
        "leitung@stadtdo.example",
        "stellvertretung@stadtdo.example",
    ]
    transaction.begin()
    assert IAnnotations(portal)[LAUF_KEY]["anzahl"] == 2


def test_overlapping_runs_conflict_even_with_nothing_due(portal):
    """The run record alone makes overlapping runs conflict: a job whose own
    records would merge without conflict still cannot run twice at once."""
    transaction.commit()
    a, b = _ueberlappend(api.portal.get())
    assert a == [("commit", 0)]
    assert b == [("konflikt", 0), ("commit", 0)]


def test_preview_writes_no_run_record(antrag_in):
    antrag_in("genehmigt")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        run_jobs(today=date.today(), dry_run=True)
    assert LAUF_KEY not in IAnnotations(api.portal.get())
