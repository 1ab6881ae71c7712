"""Numbers drawn by several processes on one RelStorage/PostgreSQL database
(several instances): unique and ascending.

Runs only if ``SOZIALNETZ_RELSTORAGE_DSN`` names an empty PostgreSQL
database (it is wiped!) and RelStorage with psycopg2 is installed, e.g.::

    SOZIALNETZ_RELSTORAGE_DSN="host=/tmp/pg port=5433 dbname=zodb user=zodb" \\
        .venv/bin/pytest tests/concurrency/test_relstorage.py
"""

from pathlib import Path
import json
import os
import pytest
import subprocess
import sys


DSN = os.environ.get("SOZIALNETZ_RELSTORAGE_DSN")
ROOT = Path(__file__).parents[2]

pytestmark = pytest.mark.skipif(
    not DSN, reason="SOZIALNETZ_RELSTORAGE_DSN not set (PostgreSQL for RelStorage)"
)


def _worker(*args):
    return [sys.executable, "-m", "tests.concurrency.relstorage_ziehen", DSN, *args]


def test_three_processes_draw_unique_ascending_numbers():
    pytest.importorskip("relstorage")
    subprocess.run(_worker("setup"), cwd=ROOT, check=True, timeout=120)
    prozesse = [
        subprocess.Popen(
            _worker("run", name, "4", "25"), cwd=ROOT, stdout=subprocess.PIPE
        )
        for name in ("a", "b", "c")
    ]
    listen = []
    for prozess in prozesse:
        ausgabe, _ = prozess.communicate(timeout=300)
        assert prozess.returncode == 0
        listen.extend(json.loads(ausgabe))

    alle = [n for liste in listen for n in liste]
    assert len(alle) == 3 * 4 * 25
    assert len(set(alle)) == len(alle)  # never given twice
    assert sorted(alle) == list(range(1, len(alle) + 1))  # no request failed
    for liste in listen:
        assert liste == sorted(liste)
