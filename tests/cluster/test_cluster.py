"""The cluster end to end: writes through HAProxy spread over two instances
on one PostgreSQL database, nothing acknowledged is lost, the daily jobs run
once however often they are called, and HAProxy keeps serving when an
instance is killed (SIGKILL) under load.

The load is scripts/loadtest.py, small: 40 votes (4 bodies on the same
Antrag at the same moment) and 20 creates by 4 clerks concurrently.
"""

from argparse import Namespace
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from tests.cluster.conftest import SCRIPTS
import pytest
import requests
import sys
import time


sys.path.insert(0, str(SCRIPTS))

import loadtest  # noqa: E402


pytestmark = pytest.mark.cluster

LAST = Namespace(votes=40, creates=20, antraege=0, max_sekunden=240)


def _logs(cluster):
    return [cluster.log / f"{name}-event.log" for name in cluster.names()]


@pytest.fixture(scope="module")
def last(cluster):
    """The small load through HAProxy, run once for the module's tests."""
    return loadtest.lauf_gegen(
        cluster.url(), LAST, _logs(cluster), titel="Cluster-Test"
    )


def test_both_instances_serve_the_same_database(cluster):
    admin = loadtest.Client(cluster.url(), "admin")
    nummern = set()
    for port in cluster.instances:
        r = requests.get(
            f"{cluster.url(port)}/soziale-netzwerke/fb-10/@search"
            "?portal_type=Antrag&metadata_fields=antragsnummer",
            auth=admin.session.auth,
            headers={"Accept": "application/json"},
            timeout=30,
        )
        assert r.status_code == 200
        nummern.add(r.json()["items_total"])
    # one created through one instance is seen by the other
    antrag = loadtest.antrag_in_beteiligung(cluster.url(cluster.instances[0]), "sicht")
    pfad = antrag.split("/Plone/", 1)[1]
    r = requests.get(
        f"{cluster.url(cluster.instances[1])}/{pfad}",
        auth=admin.session.auth,
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert r.status_code == 200
    assert r.json()["review_state"] == "beteiligung"
    assert len(nummern) == 1


def test_load_through_haproxy_loses_nothing(last):
    assert last["writes"] == 60
    assert last["ohne_antwort"] == 0
    assert last["4xx"] == 0
    assert last["verloren"] == 0
    assert last["doppelt"] == 0
    assert last["5xx_votum"] == 0


def test_load_through_haproxy_answers_no_5xx(last):
    assert last["5xx"] == 0


def test_writes_were_spread_over_both_instances(cluster):
    served = requests.get(f"{cluster.url()}/@@ok", timeout=10).headers["X-Instanz"]
    assert served in cluster.names()
    seen = {
        requests.get(f"{cluster.url()}/@@ok", timeout=10).headers["X-Instanz"]
        for _ in range(20)
    }
    assert seen == set(cluster.names())


def test_daily_jobs_overlapping_on_both_instances_send_once(cluster, smtp_empfaenger):
    """cron goes through HAProxy once; but even two runs at the same moment on
    the two instances send each digest mail once."""
    base = cluster.url()
    # an approved Antrag in FB 10 and the digest month = this month
    antrag = loadtest.antrag_in_beteiligung(base, "jobs")
    for gremium in ("poa", "personalrat"):
        r = loadtest.Vorlauf(base, gremium).call(
            "POST", f"{antrag}/@votum", {"gremium": gremium, "votum": "ja"}
        )
        assert r.status_code == 200, r.text
    admin = loadtest.Client(base, "admin")
    assert admin.call("GET", antrag).json()["review_state"] == "genehmigt"
    r = admin.call(
        "PATCH",
        "@registry",
        {
            "stadtdo.sozialnetz.settings.ISozialnetzSettings.digest_monat": date.today().month
        },
    )
    assert r.status_code == 204, r.text
    smtp_empfaenger.messages.clear()

    def lauf(port):
        return loadtest.Client(cluster.url(port), "admin").call(
            "POST", "@sozialnetz-jobs", {}
        )

    with ThreadPoolExecutor(2) as pool:
        antworten = list(pool.map(lauf, cluster.instances))
    assert [a.status_code for a in antworten] == [200, 200], [a.text for a in antworten]
    digests = [
        m
        for a in antworten
        for m in a.json()["mitteilungen"]
        if m["art"] == "jahresuebersicht"
    ]
    # one of the two runs sent the digest of FB 10 (the only department with
    # an approved account), the other one found it sent
    assert len(digests) == 1, digests
    # delivered once: head and deputy of FB 10
    erwartet = sum(len(m["empfaenger"]) for m in digests)
    # the queue also holds the process mails of the set-up: wait until the
    # instances' queue threads have handed over everything, then count
    queue = cluster.var / "mailqueue" / "new"
    deadline = time.monotonic() + 240
    while any(queue.iterdir()) and time.monotonic() < deadline:
        time.sleep(1)
    time.sleep(2)
    assert not any(queue.iterdir()), sorted(p.name for p in queue.iterdir())
    assert len(smtp_empfaenger.to("Jahresübersicht")) == erwartet
    # a third run (cron once more) sends nothing
    assert [
        m
        for m in lauf(cluster.instances[0]).json()["mitteilungen"]
        if m["art"] == "jahresuebersicht"
    ] == []


def test_sigkill_of_an_instance_under_load(cluster):
    """Runs last: instance1 is killed when a third of the votes are answered.
    HAProxy keeps answering; no acknowledged write is lost or doubled. The
    writes in flight at the kill carry an Idempotency-Key: HAProxy sends them
    to instance2, so every write gets its answer."""
    kill = loadtest.kill_nach_votes(cluster, ziel=12)
    summe = loadtest.lauf_gegen(
        cluster.url(), LAST, _logs(cluster), kill=kill, titel="Cluster-Test, SIGKILL"
    )
    assert cluster.pid("instance1") is None
    assert requests.get(f"{cluster.url()}/@@ok", timeout=10).status_code == 200
    assert summe["verloren"] == 0
    assert summe["doppelt"] == 0
    assert summe["writes"] == 60
    assert summe["ohne_antwort"] == 0
    assert summe["5xx"] == 0
