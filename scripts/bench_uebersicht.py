"""Benchmark of the pages „Übersicht“ (with its column „Frist“) and „Meine
Aufgaben“ (``make bench``).

Creates N Anträge (synthetic, as in ``bench_report.py``: spread over three
departments, five platforms and five states; every fifth one in
``beteiligung`` with its votes due, so the Frist column is filled) in a
functional test site, commits them, and asks for each page through Zope's
WSGI publisher – the whole server side: traversal, security, the catalog
query, the template, main_template and the theme transform – as the POA
(sees every department) and as the head of FB 10. The database keeps as many
objects in memory as the instance does (``cache-size`` in zope.conf). Each
size runs in a fresh process (a site with exactly N Anträge, like an
instance after a restart), so a size is not measured in a process that
built and measured the smaller ones before.
Prints the median of nine requests after one warm-up, in milliseconds, and
the ratio to the time at the first size and the rows shown ("Z"; at 100
Anträge some pages show fewer than a full page of 50) (run it on an otherwise idle
machine: other processes on the two cores change the numbers by up to
2×). Target: every page under 150 ms, within 1.5× of its time at 100
Anträge.

    .venv/bin/python scripts/bench_uebersicht.py [100 1000 10000]
"""

from bench_report import create
from bench_report import setup
from plone import api
from plone.testing.zope import Browser
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.testing import FUNCTIONAL_TESTING
import json
import statistics
import subprocess
import sys
import time
import transaction


#: rows shown by the last request of each page and user
ZEILEN = {}

#: ``cache-size`` of the ZODB in instance/etc/zope.conf.in
ZODB_CACHE_SIZE = 30000

SEITEN = (
    ("Übersicht", "poa", "@@uebersicht"),
    ("Übersicht", "leitung", "@@uebersicht"),
    ("Übersicht überfällig", "poa", "@@uebersicht?ueberfaellig=1"),
    ("Meine Aufgaben", "poa", "@@meine-aufgaben"),
    ("Meine Aufgaben", "leitung", "@@meine-aufgaben"),
)


def browser_fuer(app, userid):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {userid}:{demo_password(userid)}")
    return browser


def zeilen(html):
    """Rows on the page shown: a page holds at most 50 (``batch_size``)."""
    return html.split("<tbody>", 1)[-1].split("</tbody>", 1)[0].count("<tr")


def median_ms(browser, url, runs=9):
    browser.open(url)  # warm-up: caches, templates
    assert "Frist" in browser.contents, url
    ZEILEN[browser, url] = zeilen(browser.contents)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        browser.open(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def messen(size):
    """Create ``size`` Anträge in a fresh site of this process and measure
    every page; returns ``(werte, zeilen, sekunden fürs Anlegen)``."""
    done = []
    setup(FUNCTIONAL_TESTING, done)
    FUNCTIONAL_TESTING.testSetUp()
    app = FUNCTIONAL_TESTING["app"]
    portal = FUNCTIONAL_TESTING["portal"]
    # the object cache of instance/etc/zope.conf.in (the test layers keep a
    # small one, so catalog buckets would be reloaded on every request)
    app._p_jar.db().setCacheSize(ZODB_CACHE_SIZE)
    api.portal.get_tool("portal_repository").setVersionableContentTypes([])
    transaction.commit()
    base = f"{portal.absolute_url()}/soziale-netzwerke/"
    browsers = {userid: browser_fuer(app, userid) for _, userid, _ in SEITEN}
    start = time.perf_counter()
    with api.env.adopt_roles(["Manager"]):
        create(portal, 0, size)
    transaction.commit()
    build = time.perf_counter() - start
    werte = [median_ms(browsers[userid], base + seite) for _, userid, seite in SEITEN]
    zeilen_je_seite = [ZEILEN[browsers[u], base + s] for _, u, s in SEITEN]
    FUNCTIONAL_TESTING.testTearDown()
    for layer in reversed(done):
        layer.tearDown()
    return werte, zeilen_je_seite, build


def main(sizes):
    """Each size in a process of its own (``--eine N``): every size is
    measured in the same state – a process that holds exactly that site, as
    an instance after a restart – and not after the smaller sizes were built
    and measured in it."""
    print(
        f"{'N':>7} | "
        + " | ".join(f"{titel} ({userid})" for titel, userid, _ in SEITEN)
        + " | Anlegen s"
    )
    print("-" * 120)
    erste = None
    for size in sizes:
        ausgabe = subprocess.run(
            [sys.executable, __file__, "--eine", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        werte, zeilen_je_seite, build = json.loads(ausgabe.strip().splitlines()[-1])
        erste = erste or werte
        spalten = [
            f"{wert:6.1f} ms {wert / basis:4.2f}× {z:2d}Z".rjust(len(f"{t} ({u})"))
            for wert, basis, z, (t, u, _) in zip(
                werte, erste, zeilen_je_seite, SEITEN, strict=True
            )
        ]
        print(f"{size:>7} | " + " | ".join(spalten) + f" | {build:>8.1f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--eine"]:
        print(json.dumps(messen(int(sys.argv[2]))))
    else:
        main([int(n) for n in sys.argv[1:]] or [100, 1000, 10000])
