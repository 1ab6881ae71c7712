"""Build the database of a released profile with that release's own code.

    python scripts/alte_datenbank.py [--commit fcb1dfa] [--profil 1000]
                                     [--out tests/fixtures/profil-1000.tar.xz]

Checks the release out as a ``git worktree`` (detached, in a temporary
directory), creates the demo site with the release's ``scripts/create_site.py``
in a FileStorage of its own, serves it with the release's code
(``PYTHONPATH=<worktree>/src`` before the venv's editable install) and fills
it through REST as the demo users would: Anträge in every state, votes ja /
nein / Rückfrage, answered and open Rückfragen, persons, PDF attachments, a
re-application chain (under 1000 submitting the re-application archived the
predecessor at once), a report through „Vorfall melden“. Then the server is
stopped, the storage packed, and ``Data.fs`` with the blob directory written
as a compressed tar file. Every Antrag's expected state is written to
``<out>.json`` next to it: the upgrade test (tests/setup/
test_alte_datenbank.py) compares today's answers with it.

Each later release adds its own fixture with ``--commit`` and ``--profil``.
"""

from pathlib import Path
import argparse
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request


REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SITE = "Plone"

ZOPE_CONF = """\
%define INSTANCE {var}
instancehome $INSTANCE
clienthome $INSTANCE
debug-mode off
security-policy-implementation C
verbose-security off
default-zpublisher-encoding utf-8
<environment>
  CHAMELEON_CACHE $INSTANCE/cache
  zope_i18n_compile_mo_files true
</environment>
<zodb_db main>
  <blobstorage>
    blob-dir $INSTANCE/blobstorage
    <filestorage>
      path $INSTANCE/filestorage/Data.fs
    </filestorage>
  </blobstorage>
  mount-point /
</zodb_db>
"""

ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = {conf}

[server:main]
use = egg:waitress#main
listen = 127.0.0.1:{port}
threads = 2

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    zope

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(asctime)s %(levelname)-7.7s [%(name)s] %(message)s
"""

#: What the 1000 REST API took for an Antrag. Kept here, not imported from
#: the tests' data of today: the fixture of a release must stay buildable
#: with that release's code.
ANTRAG = {
    "@type": "Antrag",
    "plattform": "instagram",
    "auftrittsart": "profil",
    "ziele_zielgruppe": "Junge Menschen informieren",
    "themen_redaktionsplan": "2 Beiträge pro Woche",
    "pflege_in_arbeitszeit": True,
    "moderation": "werktäglich",
    "vertretung": "gegenseitig",
    "impressum_url": "https://www.dortmund.de/impressum",
    "datenschutzerklaerung_url": "https://www.dortmund.de/datenschutz",
    "offizieller_auftritt": True,
    "verhaltensregeln_ausgehaendigt": True,
    "datenschutz_beteiligt": True,
    "pseudonym_moeglich": False,
    "schulung": "im März",
    "begruendung_produktwahl": "Zielgruppe",
}

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

BETEILIGUNG = ("datenschutz", "itsicherheit", "personalrat", "poa")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Rest:
    """JSON requests against the served site as one of the demo users."""

    def __init__(self, base):
        self.base = base

    def __call__(self, user, method, path, data=None, ok=(200, 201, 204)):
        url = path if path.startswith("http") else f"{self.base}/{path}"
        password = "admin" if user == "admin" else f"demo-{user}"
        auth = base64.b64encode(f"{user}:{password}".encode()).decode()
        body = None if data is None else json.dumps(data).encode()
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Authorization", f"Basic {auth}")
        request.add_header("Accept", "application/json")
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, text = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        if status not in ok:
            raise RuntimeError(f"{user} {method} {url} → {status}: {text[:500]!r}")
        return json.loads(text) if text else None


class Befuellen:
    """The Anträge of the fixture, each named by what it shows."""

    def __init__(self, rest):
        self.rest = rest
        self.antraege = {}

    def antrag(self, name, fb="fb-10", user="mitarbeiter", personen=2, pdf=True):
        daten = dict(ANTRAG, kontoname=f"@dortmund_{name}")
        antrag = self.rest(user, "POST", f"soziale-netzwerke/{fb}", daten)
        url = antrag["@id"]
        for vorname in ("Erika", "Hans")[:personen]:
            self.rest(
                user,
                "POST",
                url,
                {
                    "@type": "Person",
                    "nachname": f"Muster-{name}",
                    "vorname": vorname,
                    "email": f"{vorname.lower()}.{name}@stadtdo.de",
                    "funktion": "redaktion",
                    "rechte_aufgaben": "Beiträge",
                    "einwilligung": True,
                    "einwilligung_datum": "2026-01-15",
                    "schulung_status": "durchgefuehrt",
                    "taetigkeit_von": "2026-02-01",
                    "internetfreischaltung": True,
                },
            )
        if pdf:
            self.rest(
                user,
                "POST",
                url,
                {
                    "@type": "Anlage",
                    "title": f"Konzept {name}",
                    "file": {
                        "data": base64.b64encode(PDF + name.encode()).decode(),
                        "encoding": "base64",
                        "filename": f"konzept-{name}.pdf",
                        "content-type": "application/pdf",
                    },
                },
            )
        self.antraege[name] = url
        return url

    def schritt(self, user, url, transition, kommentar=""):
        self.rest(user, "POST", f"{url}/@workflow/{transition}", {"comment": kommentar})

    def votum(self, gremium, url, votum, kommentar="", endgueltig=False):
        daten = {"gremium": gremium, "votum": votum, "kommentar": kommentar}
        if endgueltig:
            daten["endgueltig"] = True
        self.rest(gremium, "POST", f"{url}/@votum", daten)

    def bis_beteiligung(self, url, user="mitarbeiter", leitung="leitung"):
        self.schritt(user, url, "einreichen", "Bitte prüfen")
        self.schritt(leitung, url, "genehmigen", "Einverstanden")
        self.votum("agentur", url, "ja", "Beratung am 3.11.")

    def genehmigt(self, url, **kw):
        self.bis_beteiligung(url, **kw)
        for gremium in BETEILIGUNG:
            self.votum(gremium, url, "ja", f"{gremium}: einverstanden")

    def alle(self):
        a = self.antrag
        a("entwurf", personen=0, pdf=False)
        self.schritt("mitarbeiter", a("bei_leitung"), "einreichen", "Bitte prüfen")
        url = a("zurueckgewiesen")
        self.schritt("mitarbeiter", url, "einreichen")
        self.schritt("leitung", url, "zurueckweisen", "Bitte überarbeiten.")
        url = a("bei_agentur")
        self.schritt("mitarbeiter", url, "einreichen")
        self.schritt("leitung", url, "genehmigen")
        self.bis_beteiligung(a("beteiligung_offen"))
        url = a("beteiligung_teils")
        self.bis_beteiligung(url)
        self.votum("datenschutz", url, "ja", "Datenschutz: in Ordnung")
        self.votum("itsicherheit", url, "in_bearbeitung", "Wird geprüft")
        self.votum("poa", url, "nein", "Eher nicht (noch nicht endgültig)")
        url = a("rueckfrage_offen")
        self.bis_beteiligung(url)
        self.votum("personalrat", url, "rueckfrage", "Wer vertritt im Urlaub?")
        url = a("rueckfrage_beantwortet")
        self.bis_beteiligung(url)
        self.votum("poa", url, "rueckfrage", "Welche Arbeitszeit?")
        self.rest(
            "mitarbeiter",
            "POST",
            f"{url}/@rueckfrage",
            {"gremium": "poa", "antwort": "In der Kernarbeitszeit."},
        )
        self.genehmigt(a("genehmigt"))
        url = a("abgelehnt")
        self.bis_beteiligung(url)
        self.votum("poa", url, "nein", "Nicht erforderlich")
        self.votum("personalrat", url, "nein", "Abgelehnt", endgueltig=True)
        url = a("eingestellt")
        self.genehmigt(url)
        self.schritt("mitarbeiter", url, "einstellen", "Auftritt eingestellt")
        # the chain: approved → re-application submitted (1000 archives the
        # predecessor at once) while it waits for the head
        vorgaenger = a("vorgaenger")
        self.genehmigt(vorgaenger)
        neu = self.rest("mitarbeiter", "POST", f"{vorgaenger}/@erneut-stellen")
        self.antraege["erneut_gestellt"] = neu["@id"]
        self.schritt("mitarbeiter", neu["@id"], "einreichen", "Neue Vertretung")
        # a completed chain: the re-application approved as well
        alt = a("kette_alt")
        self.genehmigt(alt)
        neu = self.rest("mitarbeiter", "POST", f"{alt}/@erneut-stellen")
        self.antraege["kette_neu"] = neu["@id"]
        self.genehmigt(neu["@id"])
        self.vorfall()

    def vorfall(self):
        """One report through the form „Vorfall melden“ (an HTML form)."""
        url = f"{self.rest.base}/soziale-netzwerke/vorfall-melden"
        auth = base64.b64encode(b"mitarbeiter:demo-mitarbeiter").decode()
        request = urllib.request.Request(url)
        request.add_header("Authorization", f"Basic {auth}")
        with urllib.request.urlopen(request, timeout=120) as response:
            seite = response.read().decode()
        felder = {"form.buttons.submit": "Absenden"}
        token = re.search(r'name="_authenticator"\s+value="([^"]+)"', seite)
        if token:
            felder["_authenticator"] = token.group(1)
        felder.update(
            {
                "form.widgets.replyto": "mia@stadtdo.example",
                "form.widgets.auftritt": self.antraege["genehmigt"],
                "form.widgets.datum": "2026-11-20",
                "form.widgets.art:list": "Bedrohung",
                "form.widgets.beschreibung": "Drohende Kommentare unter einem Beitrag",
                "form.widgets.fundstelle": "https://instagram.example/p/1",
                "form.widgets.beweise_gesichert:list": "selected",
            }
        )
        body = urllib.parse.urlencode(felder).encode()
        request = urllib.request.Request(url, data=body, method="POST")
        request.add_header("Authorization", f"Basic {auth}")
        with urllib.request.urlopen(request, timeout=120) as response:
            antwort = response.read().decode()
        if "Fehler" in antwort and "error" in antwort.lower():
            raise RuntimeError("Vorfall melden: the form refused the report")


def erwartung(rest, antraege):
    """What the released code says of each Antrag: state, votes, history,
    persons, attachments; the upgrade test compares today's code with it."""
    ergebnis = {}
    for name, url in antraege.items():
        antrag = rest("admin", "GET", url + "?fullobjects=1")
        voten = rest("admin", "GET", f"{url}/@votum")
        verlauf = rest("admin", "GET", f"{url}/@history")
        ergebnis[name] = {
            "pfad": url.split(f"/{SITE}/", 1)[1],
            "antragsnummer": antrag.get("antragsnummer"),
            "review_state": antrag.get("review_state"),
            "kontoname": antrag.get("kontoname"),
            "voten": {
                g["gremium"]: {"votum": g["votum"], "kommentar": g["kommentar"]}
                for g in voten["gremien"]
            },
            "eintraege": {
                g["gremium"]: [
                    {k: e.get(k) for k in ("art", "votum", "kommentar", "antwort")}
                    for e in g["verlauf"]
                ]
                for g in voten["gremien"]
            },
            "offene_rueckfragen": sorted(voten["offene_rueckfragen"]),
            "workflow": [
                {
                    "action": e.get("action"),
                    "review_state": e.get("review_state"),
                    "comments": e.get("comments"),
                    "actor": (e.get("actor") or {}).get("id"),
                }
                for e in verlauf
                if e.get("type") == "workflow"
            ],
            "versionen": len([e for e in verlauf if e.get("type") == "versioning"]),
            "kinder": sorted([i["@type"], i["id"]] for i in antrag.get("items", [])),
        }
    return ergebnis


@contextlib.contextmanager
def release_code(commit):
    tmp = Path(tempfile.mkdtemp(prefix="sozialnetz-release-"))
    code = tmp / "code"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(code), commit],
        check=True,
    )
    try:
        yield code
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(code)],
            check=False,
        )
        shutil.rmtree(tmp, ignore_errors=True)


def pack(var):
    from ZODB.blob import BlobStorage  # noqa: F401 (storage with blobs)
    import ZODB
    import ZODB.FileStorage

    storage = ZODB.FileStorage.FileStorage(
        str(var / "filestorage" / "Data.fs"), blob_dir=str(var / "blobstorage")
    )
    db = ZODB.DB(storage)
    db.pack(days=0)
    db.close()
    for name in ("Data.fs.old", "Data.fs.index", "Data.fs.lock", "Data.fs.tmp"):
        with contextlib.suppress(FileNotFoundError):
            (var / "filestorage" / name).unlink()


def build(commit, out):
    with release_code(commit) as code:
        var = code.parent / "var"
        for sub in ("filestorage", "blobstorage", "cache"):
            (var / sub).mkdir(parents=True)
        conf = var / "zope.conf"
        conf.write_text(ZOPE_CONF.format(var=var))
        port = free_port()
        ini = var / "zope.ini"
        ini.write_text(ZOPE_INI.format(conf=conf, port=port))
        env = dict(
            os.environ,
            PYTHONPATH=str(code / "src"),
            MAIL_QUEUE=str(var / "mailqueue"),
            DEMO="1",
        )
        subprocess.run(
            [str(BIN / "zconsole"), "run", str(conf), "scripts/create_site.py"],
            cwd=code,
            env=env,
            check=True,
        )
        log = open(var / "server.log", "w")  # noqa: SIM115 (closed in finally)
        server = subprocess.Popen(
            [str(BIN / "runwsgi"), str(ini)],
            cwd=code,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}/{SITE}"
            for _ in range(240):
                try:
                    urllib.request.urlopen(base, timeout=5).read()
                    break
                except OSError:
                    time.sleep(1)
            rest = Rest(base)
            befuellen = Befuellen(rest)
            befuellen.alle()
            antraege = befuellen.antraege
            erwartet = erwartung(rest, antraege)
            profil = rest("admin", "GET", "@addons/stadtdo.sozialnetz")
            erwartet = {
                "commit": commit,
                "profil": profil["upgrade_info"]["installedVersion"],
                "antraege": erwartet,
            }
        except Exception:
            log.flush()
            print((var / "server.log").read_text()[-6000:], file=sys.stderr)
            raise
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
            log.close()
        pack(var)
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(out, "w:xz", preset=9) as tar:
            tar.add(var / "filestorage" / "Data.fs", arcname="filestorage/Data.fs")
            tar.add(var / "blobstorage", arcname="blobstorage")
        Path(f"{out}.json").write_text(
            json.dumps(erwartet, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        )
    print(f"{out}: {out.stat().st_size // 1024} KiB, {len(antraege)} Anträge")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", default="fcb1dfa")
    parser.add_argument("--profil", default="1000")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or REPO / "tests" / "fixtures" / f"profil-{args.profil}.tar.xz"
    build(args.commit, out.resolve())


if __name__ == "__main__":
    main()
