"""HAProxy of the cluster sends a write again only with an ``Idempotency-Key``,
and the instance that gets it again answers with the first answer.

The hard case of a SIGKILL is an instance that committed the write and died
before it answered. It is played here by a proxy in front of instance2 that
passes every request on, reads the whole answer – the write is committed –
and then closes the connection without a byte. A second HAProxy, configured
from the cluster's own ``haproxy.cfg.in``, has that proxy and instance2
itself as servers (round robin on equal load).
"""

from pathlib import Path
from stadtdo.sozialnetz.demo import demo_password
from tests.cluster.conftest import cluster_script
from tests.smtp_receiver import _free_port
import http.client
import pytest
import requests
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid


pytestmark = pytest.mark.cluster

FB10 = "soziale-netzwerke/fb-10"


class Verlierer:
    """Passes requests on to ``ziel``; writes (POST) are answered by nothing
    after the answer of ``ziel`` arrived, GETs (health checks) normally."""

    def __init__(self, ziel):
        self.ziel = ziel
        self.port = _free_port()
        self.verschluckt = []  # Idempotency-Key (or None) of every write dropped
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.laeuft = True
        threading.Thread(target=self._annehmen, daemon=True).start()

    def _annehmen(self):
        while self.laeuft:
            try:
                verbindung, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(
                target=self._bedienen, args=(verbindung,), daemon=True
            ).start()

    def _bedienen(self, verbindung):
        with verbindung:
            datei = verbindung.makefile("rb")
            while True:
                anfrage = datei.readline()
                if not anfrage:
                    return
                methode, pfad, _ = anfrage.decode("latin-1").split(" ", 2)
                header = {}
                while (zeile := datei.readline()) not in (b"\r\n", b"\n", b""):
                    name, wert = zeile.decode("latin-1").split(":", 1)
                    header[name.strip()] = wert.strip()
                laenge = int(
                    header.get("Content-Length") or header.get("content-length") or 0
                )
                body = datei.read(laenge) if laenge else None
                weiter = http.client.HTTPConnection("127.0.0.1", self.ziel, timeout=60)
                weiter.request(methode, pfad, body=body, headers=header)
                antwort = weiter.getresponse()
                inhalt = antwort.read()
                if methode == "POST":
                    schluessel = next(
                        (
                            w
                            for n, w in header.items()
                            if n.lower() == "idempotency-key"
                        ),
                        None,
                    )
                    self.verschluckt.append(schluessel)
                    return  # committed, and no answer: as if killed right now
                kopf = f"HTTP/1.1 {antwort.status} {antwort.reason}\r\n"
                for name, wert in antwort.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection"):
                        kopf += f"{name}: {wert}\r\n"
                kopf += f"Content-Length: {len(inhalt)}\r\nConnection: close\r\n\r\n"
                verbindung.sendall(kopf.encode("latin-1") + inhalt)
                return

    def stop(self):
        self.laeuft = False
        self.server.close()


@pytest.fixture(scope="module")
def haproxy_mit_verlierer(cluster):
    ziel = cluster.instances[1]  # instance2: the SIGKILL test kills instance1
    verlierer = Verlierer(ziel)
    port = _free_port()
    verzeichnis = Path(tempfile.mkdtemp(prefix="sozialnetz-haproxy-"))
    vorlage = (cluster_script.TEMPLATES / "haproxy.cfg.in").read_text()
    konfiguration = verzeichnis / "haproxy.cfg"
    konfiguration.write_text(
        vorlage.replace("@PORT@", str(port))
        .replace("@SITE@", cluster_script.SITE)
        .replace(
            "@SERVERS@",
            f"    server verlierer 127.0.0.1:{verlierer.port} check\n"
            f"    server instance2 127.0.0.1:{ziel} check",
        )
    )
    prozess = subprocess.Popen(
        [cluster_script.haproxy_bin(), "-db", "-f", str(konfiguration)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    basis = f"http://127.0.0.1:{port}/{cluster_script.SITE}"
    try:
        time.sleep(3)  # both servers pass their health checks (rise 2, 1 s)
        assert requests.get(f"{basis}/@@ok", timeout=10).status_code == 200
        yield basis, verlierer
    finally:
        prozess.terminate()
        prozess.wait(10)
        verlierer.stop()
        shutil.rmtree(verzeichnis, ignore_errors=True)


def _session():
    session = requests.Session()
    session.auth = ("mitarbeiter", demo_password("mitarbeiter"))
    session.headers["Accept"] = "application/json"
    return session


def _neu():
    from tests.conftest import ANTRAG_DATEN

    return dict(
        ANTRAG_DATEN,
        kontoname=f"@haproxy_{uuid.uuid4().hex[:10]}",
        **{"@type": "Antrag"},
    )


def _anzahl(cluster, kontoname):
    """How many Anträge hold ``kontoname`` (read as admin from instance2)."""
    antwort = requests.get(
        f"{cluster.url(cluster.instances[1])}/{FB10}/@search",
        params={
            "portal_type": "Antrag",
            "SearchableText": kontoname[1:],
            "metadata_fields": "kontoname",
        },
        auth=("admin", "admin"),
        headers={"Accept": "application/json"},
        timeout=30,
    )
    items = antwort.json()["items"]
    return sum(1 for item in items if item["kontoname"] == kontoname)


def test_a_keyed_create_whose_answer_was_lost_is_answered_once(
    cluster, haproxy_mit_verlierer
):
    basis, verlierer = haproxy_mit_verlierer
    session = _session()
    antworten = []
    for _ in range(6):
        daten = _neu()
        schluessel = str(uuid.uuid4())
        antwort = session.post(
            f"{basis}/{FB10}",
            json=daten,
            headers={"Idempotency-Key": schluessel},
            timeout=60,
        )
        antworten.append((schluessel, daten["kontoname"], antwort))
    assert [a.status_code for _, _, a in antworten] == [201] * 6, [
        a.text[:200] for _, _, a in antworten
    ]
    verschluckt = set(verlierer.verschluckt)
    assert verschluckt, "HAProxy sent no write to the dropping server"
    for schluessel, kontoname, antwort in antworten:
        # the dropped ones were sent again by HAProxy to instance2, which
        # found the committed write and answered with its first answer
        erwartet = "true" if schluessel in verschluckt else None
        assert antwort.headers.get("Idempotent-Replayed") == erwartet
        assert _anzahl(cluster, kontoname) == 1


def test_a_write_without_the_key_is_not_sent_twice(cluster, haproxy_mit_verlierer):
    """Without the key HAProxy does not re-send the POST (it may have been
    committed, as here): the client gets 502 (or the connection closes) and
    finds its write there once."""
    basis, verlierer = haproxy_mit_verlierer
    vorher = len(verlierer.verschluckt)
    ergebnisse = []
    for _ in range(4):
        daten = _neu()
        try:
            status = requests.post(
                f"{basis}/{FB10}",
                json=daten,
                auth=("mitarbeiter", demo_password("mitarbeiter")),
                headers={"Accept": "application/json"},
                timeout=60,
            ).status_code
        except requests.ConnectionError:
            status = None
        ergebnisse.append((daten["kontoname"], status))
    verschluckt = len(verlierer.verschluckt) - vorher
    assert verschluckt >= 1
    assert verlierer.verschluckt[vorher:] == [None] * verschluckt
    ohne_antwort = [s for _, s in ergebnisse if s in (502, None)]
    assert len(ohne_antwort) == verschluckt, ergebnisse
    assert [s for _, s in ergebnisse if s not in (502, None)] == [201] * (
        4 - verschluckt
    )
    for kontoname, _ in ergebnisse:
        assert _anzahl(cluster, kontoname) == 1
