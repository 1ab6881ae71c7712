"""Benchmark of the report over the catalogue (``make bench``).

Creates N Anträge (synthetic, spread over the demo departments, platforms
and states) in an in-memory test site and prints the median time of the
report – as computed for ``@sozialnetz-report`` – for each N, as the POA
(who sees all) and as a department head (who sees one department).

    .venv/bin/python scripts/bench_report.py [100 1000 10000]
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.berichte.bericht import report
from stadtdo.sozialnetz.testing import INTEGRATION_TESTING
import json
import statistics
import sys
import time


STATES = ("genehmigt", "beteiligung", "genehmigung_fbl", "abgelehnt", "eingestellt")
PLATTFORMEN = ("facebook", "instagram", "youtube", "mastodon", "linkedin")


def setup(layer, done):
    for base in layer.__bases__:
        setup(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)


def create(portal, start, stop):
    datenbank = portal["soziale-netzwerke"]
    folders = [datenbank["fb-10"], datenbank["fb-32"], datenbank["fb-50"]]
    wf_tool = api.portal.get_tool("portal_workflow")
    for i in range(start, stop):
        folder = folders[i % len(folders)]
        antrag = createContentInContainer(
            folder,
            "Antrag",
            plattform=PLATTFORMEN[i % len(PLATTFORMEN)],
            auftrittsart="profil",
            kontoname=f"@konto{i}",
        )
        state = STATES[i % len(STATES)]
        wf_tool.setStatusOf(
            "sozialnetz_antrag_workflow",
            antrag,
            {
                "review_state": state,
                "action": None,
                "actor": "bench",
                "comments": "",
                "time": antrag.created(),
            },
        )
        wf_tool.getWorkflowById("sozialnetz_antrag_workflow").updateRoleMappingsFor(
            antrag
        )
        antrag.reindexObject()


def median_ms(portal, userid, runs=5):
    datenbank = portal["soziale-netzwerke"]
    times = []
    with api.env.adopt_user(username=userid):
        for _ in range(runs):
            start = time.perf_counter()
            json.dumps(report(datenbank))
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(sizes):
    done = []
    setup(INTEGRATION_TESTING, done)
    INTEGRATION_TESTING.testSetUp()
    portal = INTEGRATION_TESTING["portal"]
    repository = api.portal.get_tool("portal_repository")
    repository.setVersionableContentTypes([])  # synthetic data: no versions needed
    print(
        f"{'N':>7} | {'Report POA (alle) ms':>21} | {'Report FBL FB 10 ms':>20} | Anlegen s"
    )
    print("-" * 70)
    created = 0
    with api.env.adopt_roles(["Manager"]):
        for size in sizes:
            start = time.perf_counter()
            create(portal, created, size)
            created = size
            build = time.perf_counter() - start
            poa = median_ms(portal, "poa")
            leitung = median_ms(portal, "leitung")
            print(
                f"{size:>7} | {poa:>21.1f} | {leitung:>20.1f} | {build:>8.1f}",
                flush=True,
            )
    INTEGRATION_TESTING.testTearDown()
    for layer in reversed(done):
        layer.tearDown()


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [100, 1000, 10000])
