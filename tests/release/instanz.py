"""A Zope instance of its own on a database in a temporary directory, run
with the code of this checkout: upgraded with scripts/aktualisieren.py,
served by runwsgi, asked through REST (tests/release)."""

from pathlib import Path
import base64
import contextlib
import os
import subprocess
import sys
import tarfile
import time
import urllib.request


REPO = Path(__file__).parents[2]
SCRIPTS = REPO / "scripts"
FIXTURES = REPO / "tests" / "fixtures"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(SCRIPTS))

import alte_datenbank  # noqa: E402


def umgebung():
    """This checkout's code first (as with PYTHONPATH=src), and the
    ``tests`` package for the scripts of tests/release."""
    pfade = [
        str(REPO / "src"),
        str(REPO),
        *filter(None, [os.environ.get("PYTHONPATH")]),
    ]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(pfade))


def entpacken(datei, var):
    with tarfile.open(datei) as tar:
        tar.extractall(var, filter="data")


def konfigurieren(var):
    """zope.conf (FileStorage + blobs in ``var``) and zope.ini."""
    (Path(var) / "cache").mkdir(exist_ok=True)
    conf = Path(var) / "zope.conf"
    conf.write_text(alte_datenbank.ZOPE_CONF.format(var=var))
    return conf


def zconsole(conf, skript, *, env=None, check=True):
    """Run ``scripts/<skript>`` in the instance; returns its output."""
    lauf = subprocess.run(
        [str(BIN / "zconsole"), "run", str(conf), str(SCRIPTS / skript)],
        cwd=REPO,
        env=dict(umgebung(), **(env or {})),
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check and lauf.returncode != 0:
        raise AssertionError(
            f"{skript}: {lauf.returncode}\n{lauf.stdout}\n{lauf.stderr[-5000:]}"
        )
    return lauf.stdout


class Rest(alte_datenbank.Rest):
    def __call__(self, user, method, path, data=None, ok=(200, 201, 204)):
        if user == "anonymous":
            url = path if path.startswith("http") else f"{self.base}/{path}"
            request = urllib.request.Request(
                url, headers={"Accept": "application/json"}
            )
            import json

            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read())
        return super().__call__(user, method, path, data, ok)

    def html(self, user, path):
        password = "admin" if user == "admin" else f"demo-{user}"
        auth = base64.b64encode(f"{user}:{password}".encode()).decode()
        request = urllib.request.Request(
            f"{self.base}/{path}", headers={"Authorization": f"Basic {auth}"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read().decode()


@contextlib.contextmanager
def server(var, *, bin_dir=BIN, env=None):
    """Serve the instance in ``var`` (with the ``runwsgi`` of ``bin_dir``);
    yields a ``Rest`` on its site."""
    port = alte_datenbank.free_port()
    ini = Path(var) / "zope.ini"
    ini.write_text(
        alte_datenbank.ZOPE_INI.format(conf=Path(var) / "zope.conf", port=port)
    )
    with open(Path(var) / "server.log", "w") as log:
        prozess = subprocess.Popen(
            [str(Path(bin_dir) / "runwsgi"), str(ini)],
            cwd=REPO,
            env=env or umgebung(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}/{alte_datenbank.SITE}"
            for _ in range(300):
                if prozess.poll() is not None:
                    raise AssertionError((Path(var) / "server.log").read_text()[-5000:])
                try:
                    urllib.request.urlopen(base, timeout=5).read()
                    break
                except OSError:
                    time.sleep(1)
            yield Rest(base)
        finally:
            prozess.terminate()
            prozess.wait(timeout=60)


def pruefen(conf):
    """``sozialnetz-pruefen`` on the instance: (exit code, output)."""
    lauf = subprocess.run(
        [
            sys.executable,
            "-m",
            "stadtdo.sozialnetz.upgrades.pruefen",
            "--zope-conf",
            str(conf),
        ],
        cwd=REPO,
        env=umgebung(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    return lauf.returncode, lauf.stdout + lauf.stderr[-3000:]


def site_anlegen(var):
    """A fresh demo site (scripts/create_site.py of this checkout) in ``var``."""
    for sub in ("filestorage", "blobstorage"):
        (Path(var) / sub).mkdir(parents=True, exist_ok=True)
    conf = konfigurieren(var)
    zconsole(conf, "create_site.py", env={"MAIL_QUEUE": str(Path(var) / "mailqueue")})
    return conf
