"""Benchmark of the daily job (``make bench``): digest, yearly review,
abandoned drafts and retention over N Anträge with one Person each, in an
in-memory test site. Prints the time of one run and its peak memory
(Python allocations, measured with tracemalloc).

A fifth of the Persons' tasks ended long ago, so the run anonymises them
(free text, comments, versions) – the expensive path is measured too.

    .venv/bin/python scripts/bench_jobs.py [10000]
"""

from bench_report import setup
from datetime import date
from datetime import timedelta
from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.testing import FUNCTIONAL_TESTING
import sys
import time
import tracemalloc
import transaction


STATES = ("genehmigt", "beteiligung", "entwurf", "abgelehnt", "eingestellt")
ENDE = date.today() - timedelta(days=400)


def create(portal, start, stop):
    datenbank = portal["soziale-netzwerke"]
    folders = [datenbank["fb-10"], datenbank["fb-32"], datenbank["fb-50"]]
    wf_tool = api.portal.get_tool("portal_workflow")
    for i in range(start, stop):
        antrag = createContentInContainer(
            folders[i % len(folders)],
            "Antrag",
            plattform="instagram",
            auftrittsart="profil",
            kontoname=f"@konto{i}",
            vertretung=f"Vorname{i} Nachname{i} vertritt.",
        )
        createContentInContainer(
            antrag,
            "Person",
            nachname=f"Nachname{i}",
            vorname=f"Vorname{i}",
            email=f"person{i}@stadtdo.de",
            funktion="redaktion",
            taetigkeit_von=date(2024, 1, 1),
            taetigkeit_bis=ENDE if i % 5 == 0 else None,
        )
        wf_tool.setStatusOf(
            "sozialnetz_antrag_workflow",
            antrag,
            {
                "review_state": STATES[i % len(STATES)],
                "action": None,
                "actor": "bench",
                "comments": "",
                "time": antrag.created(),
            },
        )
        antrag.reindexObject()


def main(sizes):
    done = []
    setup(FUNCTIONAL_TESTING, done)
    FUNCTIONAL_TESTING.testSetUp()
    portal = FUNCTIONAL_TESTING["portal"]
    api.portal.get_tool("portal_repository").setVersionableContentTypes([])
    print(f"{'N':>7} | {'Tagesjob s':>10} | {'Spitze MB':>9} | Ergebnis | Anlegen s")
    print("-" * 60)
    created = 0
    with api.env.adopt_roles(["Manager"]):
        for size in sizes:
            start = time.perf_counter()
            create(portal, created, size)
            created = size
            build = time.perf_counter() - start
            # the job runs in a request of its own: start from committed data
            # (into the layer's in-memory DemoStorage), as in production
            transaction.commit()
            tracemalloc.start()
            start = time.perf_counter()
            result = run_jobs(today=date.today())
            dauer = time.perf_counter() - start
            spitze = tracemalloc.get_traced_memory()[1] / 1024 / 1024
            tracemalloc.stop()
            transaction.commit()
            print(
                f"{size:>7} | {dauer:>10.1f} | {spitze:>9.1f} | {len(result):>8} | "
                f"{build:>8.1f}",
                flush=True,
            )
    FUNCTIONAL_TESTING.testTearDown()
    for layer in reversed(done):
        layer.tearDown()


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [10000])
