"""Benchmark of the public register (``make bench``): ``@offizielle-kanaele``
as anonymous over N Anträge (synthetic, as in ``bench_report.py``: every
fifth one approved), JSON, CSV and a search by handle. Target: under 200 ms
at 10,000 Anträge.

    .venv/bin/python scripts/bench_register.py [1000 10000]
"""

from AccessControl.SecurityManagement import noSecurityManager
from bench_report import create
from bench_report import setup
from plone import api
from stadtdo.sozialnetz.berichte import register
from stadtdo.sozialnetz.testing import INTEGRATION_TESTING
import csv
import io
import json
import statistics
import sys
import time


def median_ms(function, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def als_csv():
    csv.writer(io.StringIO()).writerows(register.csv_zeilen())


def main(sizes):
    done = []
    setup(INTEGRATION_TESTING, done)
    INTEGRATION_TESTING.testSetUp()
    portal = INTEGRATION_TESTING["portal"]
    api.portal.get_tool("portal_repository").setVersionableContentTypes([])
    print(
        f"{'N':>7} | {'Konten':>6} | {'Register JSON ms':>16} | "
        f"{'Register CSV ms':>15} | {'Suche q ms':>10}"
    )
    print("-" * 70)
    created = 0
    for size in sizes:
        with api.env.adopt_roles(["Manager"]):
            create(portal, created, size)
        created = size
        noSecurityManager()  # the register is read as anonymous
        anzahl = len(register.konten())
        json_ms = median_ms(lambda: json.dumps(register.konten()))
        csv_ms = median_ms(als_csv)
        suche_ms = median_ms(lambda: json.dumps(register.konten("@konto4")))
        print(
            f"{size:>7} | {anzahl:>6} | {json_ms:>16.1f} | {csv_ms:>15.1f} | "
            f"{suche_ms:>10.1f}",
            flush=True,
        )
    INTEGRATION_TESTING.testTearDown()
    for layer in reversed(done):
        layer.tearDown()


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 10000])
