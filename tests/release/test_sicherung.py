"""Backup and restore (scripts/sicherung.py, make backup / make restore):
data in → backup → more data → restore → the state at backup time exactly,
then ``sozialnetz-pruefen`` clean. FileStorage (repozo) and RelStorage
(pg_dump, marked ``cluster``)."""

from pathlib import Path
from tests.release import instanz
import json
import pytest
import shutil
import subprocess
import sys
import tempfile


def sicherung(*args):
    lauf = subprocess.run(
        [sys.executable, str(instanz.SCRIPTS / "sicherung.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
    return lauf.stdout


def daten(conf, auftrag):
    return instanz.zconsole(conf, "../tests/release/daten.py", env={"DATEN": auftrag})


def zustand(conf):
    return json.loads(daten(conf, "zustand").strip().splitlines()[-1])


def stand_aus(ausgabe):
    return ausgabe.split("Sicherung ", 1)[1].split()[0]


def rundreise(conf, speicher):
    """The round trip; ``speicher``: the storage options of sicherung.py."""
    daten(conf, "anlegen:2")
    vorher = zustand(conf)
    assert len(vorher["antraege"]) == 2 and len(vorher["blobs"]) == 2
    erster = stand_aus(sicherung("sichern", *speicher))
    daten(conf, "anlegen:1")  # and the POA votes on the first two
    zweiter_zustand = zustand(conf)
    zweiter = stand_aus(sicherung("sichern", *speicher))
    daten(conf, "anlegen:1")
    assert len(zustand(conf)["antraege"]) == 4
    sicherung("wiederherstellen", "--stand", erster, *speicher)
    assert zustand(conf) == vorher
    sicherung("wiederherstellen", *speicher)  # the newest
    assert zustand(conf) == zweiter_zustand
    assert zweiter_zustand != vorher
    rc, ausgabe = instanz.pruefen(conf)
    assert rc == 0, ausgabe
    return erster, zweiter


def filestorage(var):
    """The options of sicherung.py for the FileStorage of the instance ``var``."""
    return [
        *("--datafs", var / "filestorage" / "Data.fs"),
        *("--blobs", var / "blobstorage"),
        *("--ziel", var / "backups"),
    ]


def test_filestorage_round_trip_full_and_incremental(frische_site):
    var = Path(frische_site).parent
    speicher = filestorage(var)
    erster, zweiter = rundreise(frische_site, speicher)
    repozo = sorted(p.name for p in (var / "backups" / "filestorage").iterdir())
    assert any(n.endswith(".fsz") for n in repozo)  # full
    assert any(n.endswith(".deltafsz") for n in repozo)  # incremental
    assert json.loads(sicherung("liste", *speicher)) == [erster, zweiter]


def test_retention_keeps_the_newest_backups(frische_site):
    var = Path(frische_site).parent
    speicher = filestorage(var)
    staende = []
    for voll in (True, False, True, False):
        daten(frische_site, "anlegen:1")
        staende.append(
            stand_aus(
                sicherung(
                    "sichern",
                    "--behalten",
                    "2",
                    *(["--voll"] if voll else []),
                    *speicher,
                )
            )
        )
    assert json.loads(sicherung("liste", *speicher)) == staende[-2:]
    repozo = sorted(p.name[:19] for p in (var / "backups" / "filestorage").iterdir())
    assert min(repozo) > staende[1]  # the first full chain is gone
    letzter = zustand(frische_site)
    daten(frische_site, "anlegen:1")
    sicherung("wiederherstellen", *speicher)
    assert zustand(frische_site) == letzter


@pytest.mark.cluster
def test_relstorage_round_trip():
    sys.path.insert(0, str(instanz.SCRIPTS))
    import cluster as cluster_script

    if cluster_script.pg_bin() is None:
        pytest.skip("PostgreSQL fehlt (make cluster-deps)")
    # as root, PostgreSQL runs as the user postgres and must reach its files
    tmp_path = Path(tempfile.mkdtemp(prefix="sozialnetz-sicherung-"))
    tmp_path.chmod(0o755)
    var = tmp_path / "cluster"
    var.mkdir(mode=0o755)
    port = instanz.alte_datenbank.free_port()
    umgebung = cluster_script.Cluster(var, pg_port=port)
    umgebung.render()
    try:
        umgebung.start_postgres()
        umgebung.create_site()
        speicher = [
            "--cluster-var",
            var,
            "--pg-port",
            port,
            "--ziel",
            tmp_path / "backups",
        ]
        rundreise(umgebung.etc / "zope.conf", speicher)
        assert sorted(
            p.suffix for p in (tmp_path / "backups" / "postgres").iterdir()
        ) == [
            ".dump",
            ".dump",
        ]
    finally:
        umgebung.stop_postgres()
        shutil.rmtree(tmp_path, ignore_errors=True)
