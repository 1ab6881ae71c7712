"""A release that installs: sdist and wheel pass ``twine check``; the wheel
installs into a fresh venv with constraints.txt, and there the package
imports, its profile installs at its version, its templates, translations
and static files are there. Slow (a fresh venv; pip's wheel cache makes it a
minute or two)."""

from pathlib import Path
from tests.release import instanz
import json
import os
import pytest
import subprocess
import sys


pytestmark = pytest.mark.slow


def ohne_checkout():
    """The environment without PYTHONPATH: the fresh venv sees only itself."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def laufen(*befehl, env=None, **kw):
    lauf = subprocess.run(
        [str(b) for b in befehl],
        capture_output=True,
        text=True,
        timeout=1800,
        env=env or ohne_checkout(),
        **kw,
    )
    assert lauf.returncode == 0, lauf.stdout[-3000:] + lauf.stderr[-3000:]
    return lauf.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    ziel = tmp_path_factory.mktemp("dist")
    laufen(sys.executable, "-m", "build", "--outdir", ziel, instanz.REPO)
    return ziel


def test_sdist_and_wheel_pass_twine_check(dist):
    dateien = sorted(dist.iterdir())
    assert sorted(d.suffix for d in dateien) == [".gz", ".whl"]
    ausgabe = laufen(
        Path(sys.executable).parent / "twine", "check", "--strict", *dateien
    )
    assert ausgabe.count("PASSED") == 2


def test_wheel_holds_every_file_of_the_package(dist):
    import zipfile

    (rad,) = dist.glob("*.whl")
    namen = set(zipfile.ZipFile(rad).namelist())
    quelle = instanz.REPO / "src"
    fehlt = [
        str(p.relative_to(quelle))
        for p in quelle.rglob("*")
        if p.is_file()
        and ".egg-info" not in str(p)
        and "__pycache__" not in p.parts
        and p.suffix not in (".pyc", ".mo")
        and str(p.relative_to(quelle)) not in namen
    ]
    assert fehlt == []


def test_the_wheel_installs_and_its_profile_works_in_a_fresh_venv(dist, tmp_path):
    (rad,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    laufen(sys.executable, "-m", "venv", venv)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q"]
    laufen(*pip, "-c", instanz.REPO / "constraints.txt", rad, "Plone")
    var = tmp_path / "var"
    for sub in ("filestorage", "blobstorage", "cache"):
        (var / sub).mkdir(parents=True)
    conf = instanz.konfigurieren(var)
    umgebung = ohne_checkout()
    umgebung["MAIL_QUEUE"] = str(var / "mailqueue")
    zconsole = venv / "bin" / "zconsole"
    laufen(
        zconsole,
        "run",
        conf,
        instanz.SCRIPTS / "create_site.py",
        cwd=tmp_path,
        env=umgebung,
    )
    ausgabe = laufen(
        zconsole,
        "run",
        conf,
        instanz.REPO / "tests" / "release" / "paket_pruefen.py",
        cwd=tmp_path,
        env=umgebung,
    )
    ergebnis = json.loads(ausgabe.strip().splitlines()[-1])
    assert ergebnis["wurzel"].startswith(str(venv))
    assert ergebnis["fehler"] == []
    assert ergebnis["installiert"] == [ergebnis["metadata"]]
    assert ergebnis["englisch"] == "Change requested:"
    assert ergebnis["fachbereiche"] >= 2
    # served by the fresh venv: its templates render
    with instanz.server(var, bin_dir=venv / "bin", env=umgebung) as site:
        seite = site.html("poa", "soziale-netzwerke/@@uebersicht")
        assert "sn-filter" in seite
        assert "++plone++stadtdo.sozialnetz/sozialnetz.css" in seite
        css = site.html("poa", "++plone++stadtdo.sozialnetz/sozialnetz.css")
        assert "stadtdo.sozialnetz: contrast fixes" in css
