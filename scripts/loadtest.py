"""Load test: concurrent votes and creates through REST, then a check that
every acknowledged write is there.

    python scripts/loadtest.py --modus single    # one instance, FileStorage
    python scripts/loadtest.py --modus cluster   # PostgreSQL + 2 instances + HAProxy
    python scripts/loadtest.py --modus kill      # cluster, one instance SIGKILLed mid-load
    python scripts/loadtest.py --url http://127.0.0.1:8080/Plone   # a running site

With ``--modus`` the script builds its own site in a fresh directory
(``instance/var/loadtest-<modus>``, removed first) on loopback ports of its
own (18080–18182, PostgreSQL 15433) and stops everything at the end. It

1. creates ``--antraege`` Anträge in the state ``beteiligung`` as the demo
   users (mitarbeiter creates, adds a Person, submits; leitung approves;
   the Dortmund-Agentur gives its statement);
2. runs 8 clients: 4 bodies (datenschutz, itsicherheit, poa, personalrat) vote on
   the same Antrag at the same moment (``POST <antrag>/@votum``), Antrag after
   Antrag, while 4 clerks create Anträge in FB 10 (``POST fb-10``);
3. re-reads every write as admin: each acknowledged vote must be recorded,
   each acknowledged create must exist once with its number; numbers must be
   unique; a write that got no answer or 5xx is looked up too (did it arrive?);
4. prints writes, answers by status, 5xx, lost, duplicates, p50/p95 and the
   conflicts Zope retried (the INFO lines of ``stadtdo.sozialnetz.konflikte``
   in the instances' event logs).

Bounded: a fixed number of writes, ``--max-sekunden`` for the load phase
(default 900), request timeout 60 s. Loopback addresses only. Exit status 1
if a write was lost or duplicated, or (``--streng``) if any write got 5xx.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import argparse
import collections
import json
import os
import shutil
import signal
import sys
import threading
import time
import urllib.parse
import uuid


sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster import Cluster  # noqa: E402
from cluster import REPO  # noqa: E402
from cluster import Single  # noqa: E402
import requests  # noqa: E402


#: the bodies that vote at the same moment and what they vote: the
#: Personalrat's (not final) Nein keeps the Antrag in ``beteiligung`` whatever
#: order the votes arrive in (POA and Personalrat both Ja would approve it)
GREMIEN = {
    "datenschutz": {"votum": "ja"},
    "itsicherheit": {"votum": "ja"},
    "poa": {"votum": "ja"},
    "personalrat": {"votum": "nein", "kommentar": "Lasttest: bitte nachbessern"},
}
FACHBEREICH = "soziale-netzwerke/fb-10"
TIMEOUT = 60

#: how often a write without an answer is sent again (same Idempotency-Key)
ERNEUT_SENDEN = 2
ANTRAG = {
    "@type": "Antrag",
    "plattform": "instagram",
    "auftrittsart": "profil",
    "ziele_zielgruppe": "Lasttest",
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
PERSON = {
    "@type": "Person",
    "nachname": "Mustermann",
    "vorname": "Erika",
    "email": "erika.mustermann@stadtdo.de",
    "funktion": "redaktion",
    "rechte_aufgaben": "Beiträge",
    "einwilligung": True,
    "einwilligung_datum": "2026-01-15",
    "schulung_status": "durchgefuehrt",
    "taetigkeit_von": "2026-02-01",
    "internetfreischaltung": True,
}


def nur_loopback(url):
    host = urllib.parse.urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"Nur Loopback-Adressen: {url}")
    return url.rstrip("/")


def passwort(user):
    return "admin" if user == "admin" else f"demo-{user}"


class Client:
    """One HTTP client (own connection) acting as one demo user."""

    def __init__(self, base, user):
        self.base = base
        self.session = requests.Session()
        self.session.auth = (user, passwort(user))
        self.session.headers.update(
            {"Accept": "application/json", "Content-Type": "application/json"}
        )

    def call(self, method, path, data=None, schluessel=None):
        url = path if path.startswith("http") else f"{self.base}/{path}"
        return self.session.request(
            method,
            url,
            data=None if data is None else json.dumps(data),
            headers={"Idempotency-Key": schluessel} if schluessel else None,
            timeout=TIMEOUT,
        )


def pruefe(response, was):
    if response.status_code >= 300:
        raise RuntimeError(f"{was}: {response.status_code} {response.text[:300]}")
    return response.json() if response.content else {}


class Vorlauf(Client):
    """A client for the set-up: a write that ended in a conflict error was
    rolled back entirely (Zope answers 500 only after its own retries), so
    it is sent again – the set-up is not what is measured."""

    def call(self, method, path, data=None):
        for _ in range(10):
            response = super().call(method, path, data)
            if not (
                response.status_code >= 500 and "conflict" in response.text.lower()
            ):
                break
            time.sleep(0.2)
        return response


def antrag_in_beteiligung(base, nummer):
    mitarbeiter = Vorlauf(base, "mitarbeiter")
    leitung = Vorlauf(base, "leitung")
    antrag = pruefe(
        mitarbeiter.call(
            "POST", FACHBEREICH, dict(ANTRAG, kontoname=f"@vorlauf_{nummer}")
        ),
        "anlegen",
    )["@id"]
    pruefe(mitarbeiter.call("POST", antrag, PERSON), "Person")
    pruefe(mitarbeiter.call("POST", f"{antrag}/@workflow/einreichen", {}), "einreichen")
    pruefe(leitung.call("POST", f"{antrag}/@workflow/genehmigen", {}), "genehmigen")
    agentur = Vorlauf(base, "agentur")
    pruefe(
        agentur.call("POST", f"{antrag}/@votum", {"gremium": "agentur", "votum": "ja"}),
        "Stellungnahme",
    )
    return antrag


class Ergebnis:
    def __init__(self):
        self.lock = threading.Lock()
        self.writes = []  # dicts: art, status, dauer, ziel, antwort

    def add(self, **eintrag):
        with self.lock:
            self.writes.append(eintrag)


def schreiben(client, ergebnis, art, method, path, data, **info):
    """One write with an ``Idempotency-Key`` of its own. Without an answer
    (the instance died, the connection broke) the client sends it again with
    the same key, as docs/rest-api.rst asks of every client – at most
    ``ERNEUT_SENDEN`` times; the server carries it out once."""
    schluessel = str(uuid.uuid4())
    start = time.monotonic()
    erneut = 0
    while True:
        try:
            response = client.call(method, path, data, schluessel=schluessel)
        except requests.RequestException as error:
            status, antwort, instanz, response = 0, {"fehler": repr(error)}, "", None
            if erneut < ERNEUT_SENDEN:
                erneut += 1
                continue
            break
        status = response.status_code
        try:
            antwort = response.json()
        except ValueError:
            antwort = None
        instanz = response.headers.get("X-Instanz", "")
        break
    ergebnis.add(
        art=art,
        status=status,
        dauer=time.monotonic() - start,
        antwort=antwort,
        instanz=instanz,
        erneut_gesendet=erneut,
        wiederholt=response is not None
        and response.headers.get("Idempotent-Replayed") == "true",
        **info,
    )


def last(base, antraege, creates, lauf, ergebnis, deadline, kill=None):
    """The load phase: 4 voting bodies in lockstep + 4 clerks creating."""
    barrier = threading.Barrier(len(GREMIEN))
    creates_je_client = [creates // 4 + (1 if i < creates % 4 else 0) for i in range(4)]

    def waehlen(gremium):
        client = Client(base, gremium)
        for antrag in antraege:
            if time.monotonic() > deadline:
                barrier.abort()
                return
            try:
                barrier.wait(timeout=TIMEOUT)
            except threading.BrokenBarrierError:
                return
            schreiben(
                client,
                ergebnis,
                "votum",
                "POST",
                f"{antrag}/@votum",
                {"gremium": gremium, **GREMIEN[gremium]},
                antrag=antrag,
                gremium=gremium,
            )

    def anlegen(index):
        client = Client(base, "mitarbeiter")
        for n in range(creates_je_client[index]):
            if time.monotonic() > deadline:
                return
            kontoname = f"@last_{lauf}_{index}_{n}"
            schreiben(
                client,
                ergebnis,
                "anlegen",
                "POST",
                FACHBEREICH,
                dict(ANTRAG, kontoname=kontoname),
                kontoname=kontoname,
            )

    with ThreadPoolExecutor(max_workers=8 + bool(kill)) as pool:
        futures = [pool.submit(waehlen, g) for g in GREMIEN]
        futures += [pool.submit(anlegen, i) for i in range(4)]
        if kill:
            futures.append(pool.submit(kill))
        for future in futures:
            future.result()


def pruefen(base, ergebnis, lauf):
    """Re-read every write as admin. Returns the findings."""
    admin = Client(base, "admin")
    befund = collections.Counter()
    beispiele = collections.defaultdict(list)

    # votes: one GET @votum per Antrag
    tabellen = {}
    for antrag in {w["antrag"] for w in ergebnis.writes if w["art"] == "votum"}:
        tabelle = pruefe(admin.call("GET", f"{antrag}/@votum"), "@votum lesen")
        tabellen[antrag] = {row["gremium"]: row for row in tabelle["gremien"]}
    for w in ergebnis.writes:
        if w["art"] != "votum":
            continue
        row = tabellen[w["antrag"]].get(w["gremium"], {})
        da = row.get("votum") == GREMIEN[w["gremium"]]["votum"]
        if 200 <= w["status"] < 300:
            if not da:
                befund["votum_verloren"] += 1
                beispiele["verloren"].append((w["antrag"], w["gremium"], row))
        elif w["status"] == 0 or w["status"] >= 500:
            befund[
                "votum_ohne_antwort_angekommen" if da else "votum_ohne_antwort_fehlt"
            ] += 1

    # creates: everything this run created, by kontoname
    gefunden = collections.defaultdict(list)
    start = 0
    while True:
        seite = pruefe(
            admin.call(
                "GET",
                f"{FACHBEREICH}/@search?portal_type=Antrag&metadata_fields=kontoname"
                f"&metadata_fields=antragsnummer&b_size=500&b_start={start}",
            ),
            "Suche",
        )
        for item in seite["items"]:
            if (item.get("kontoname") or "").startswith(f"@last_{lauf}_"):
                gefunden[item["kontoname"]].append(item)
        start += 500
        if start >= seite["items_total"]:
            break
    nummern = collections.Counter()
    for w in ergebnis.writes:
        if w["art"] != "anlegen":
            continue
        treffer = gefunden.get(w["kontoname"], [])
        if len(treffer) > 1:
            befund["anlegen_doppelt"] += 1
            beispiele["doppelt"].append(w["kontoname"])
        if 200 <= w["status"] < 300:
            antwort = w["antwort"] or {}
            gelesen = admin.call("GET", antwort.get("@id", "-"))
            ok = (
                gelesen.status_code == 200
                and gelesen.json().get("antragsnummer") == antwort.get("antragsnummer")
                and antwort.get("antragsnummer")
            )
            if not ok or not treffer:
                befund["anlegen_verloren"] += 1
                beispiele["verloren"].append(w["kontoname"])
        elif w["status"] == 0 or w["status"] >= 500:
            befund[
                "anlegen_ohne_antwort_angekommen"
                if treffer
                else "anlegen_ohne_antwort_fehlt"
            ] += 1
        for item in treffer:
            nummern[item["antragsnummer"]] += 1
    befund["antragsnummer_doppelt"] = sum(1 for n, c in nummern.items() if c > 1)
    return befund, beispiele


def konflikte(logs, offsets):
    """The conflicts Zope retried since ``offsets``: one INFO line each by
    ``stadtdo.sozialnetz.konflikte`` in the instances' event logs."""
    wiederholt = 0
    for log in logs:
        if not log.exists():
            continue
        with open(log, encoding="utf-8", errors="replace") as f:
            f.seek(offsets.get(log, 0))
            for line in f:
                if "stadtdo.sozialnetz.konflikte" in line and "wird wiederholt" in line:
                    wiederholt += 1
    return wiederholt


def quantil(werte, q):
    if not werte:
        return 0.0
    werte = sorted(werte)
    return werte[min(len(werte) - 1, int(round(q * (len(werte) - 1))))]


def bericht(titel, ergebnis, befund, beispiele, retried, sekunden):
    writes = ergebnis.writes
    print(f"\n== {titel} ==")
    print(f"Dauer der Last: {sekunden:.1f} s, Schreibzugriffe: {len(writes)}")
    for art in ("votum", "anlegen"):
        teil = [w for w in writes if w["art"] == art]
        status = collections.Counter(w["status"] for w in teil)
        dauer = [w["dauer"] * 1000 for w in teil if 200 <= w["status"] < 300]
        print(
            f"  {art:8} {len(teil):5}  Status: "
            + ", ".join(
                f"{k or 'keine Antwort'}×{v}" for k, v in sorted(status.items())
            )
            + f"  p50 {quantil(dauer, 0.5):.0f} ms, p95 {quantil(dauer, 0.95):.0f} ms"
        )
    instanzen = collections.Counter(w["instanz"] for w in writes if w["instanz"])
    if instanzen:
        print(
            "  bedient von: "
            + ", ".join(f"{k}×{v}" for k, v in sorted(instanzen.items()))
        )
    fuenf = sum(1 for w in writes if w["status"] >= 500)
    ohne = sum(1 for w in writes if w["status"] == 0)
    vier = [w for w in writes if 400 <= w["status"] < 500]
    verloren = befund["votum_verloren"] + befund["anlegen_verloren"]
    print(f"  5xx: {fuenf}, ohne Antwort: {ohne}, 4xx: {len(vier)}")
    erneut = sum(1 for w in writes if w.get("erneut_gesendet"))
    wiederholt = sum(1 for w in writes if w.get("wiederholt"))
    print(
        f"  vom Client erneut gesendet (gleicher Idempotency-Key): {erneut}, "
        f"davon mit der früheren Antwort beantwortet: {wiederholt}"
    )
    for w in vier[:3]:
        print(f"    4xx {w['art']}: {str(w['antwort'])[:200]}")
    for w in [w for w in writes if not w["status"]][:3]:
        print(f"    keine Antwort {w['art']}: {str(w['antwort'])[:200]}")
    for w in [w for w in writes if w["status"] >= 500][:3]:
        print(f"    {w['status']} {w['art']}: {str(w['antwort'])[:200]}")
    print(f"  verloren (bestätigt, aber nicht da): {verloren}")
    print(
        f"  doppelt angelegt: {befund['anlegen_doppelt']}, "
        f"doppelte Antragsnummern: {befund['antragsnummer_doppelt']}"
    )
    for key in (
        "votum_ohne_antwort_angekommen",
        "votum_ohne_antwort_fehlt",
        "anlegen_ohne_antwort_angekommen",
        "anlegen_ohne_antwort_fehlt",
    ):
        if befund[key]:
            print(f"  {key.replace('_', ' ')}: {befund[key]}")
    for key, werte in beispiele.items():
        print(f"  Beispiele {key}: {werte[:3]}")
    final = sum(
        1
        for w in writes
        if w["status"] >= 500 and "conflict" in str(w["antwort"]).lower()
    )
    print(
        f"  Konflikte wiederholt (Event-Log): {retried}, "
        f"nach allen Wiederholungen 5xx (ConflictError): {final}"
    )
    return {
        "writes": len(writes),
        "5xx": fuenf,
        "5xx_votum": sum(
            1 for w in writes if w["status"] >= 500 and w["art"] == "votum"
        ),
        "5xx_anlegen": sum(
            1 for w in writes if w["status"] >= 500 and w["art"] == "anlegen"
        ),
        "4xx": len(vier),
        "bestaetigt": sum(1 for w in writes if 200 <= w["status"] < 300),
        "ohne_antwort": ohne,
        "verloren": verloren,
        "doppelt": befund["anlegen_doppelt"] + befund["antragsnummer_doppelt"],
    }


def lauf_gegen(base, args, logs, kill=None, titel=""):
    lauf = f"{int(time.time())}"
    n = args.antraege or -(-args.votes // len(GREMIEN))
    print(f"Vorlauf: {n} Anträge in Beteiligung über {base} …", flush=True)
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        antraege = list(
            pool.map(lambda i: antrag_in_beteiligung(base, f"{lauf}_{i}"), range(n))
        )
    print(f"  fertig in {time.monotonic() - start:.0f} s", flush=True)
    offsets = {log: log.stat().st_size if log.exists() else 0 for log in logs}
    ergebnis = Ergebnis()
    start = time.monotonic()
    votes_antraege = antraege[: -(-args.votes // len(GREMIEN))]
    last(
        base,
        votes_antraege,
        args.creates,
        lauf,
        ergebnis,
        start + args.max_sekunden,
        kill=kill and (lambda: kill(ergebnis)),
    )
    sekunden = time.monotonic() - start
    time.sleep(1)  # let the log handlers flush
    retried = konflikte(logs, offsets)
    befund, beispiele = pruefen(base, ergebnis, lauf)
    return bericht(titel, ergebnis, befund, beispiele, retried, sekunden)


def kill_nach_votes(umgebung, ziel, name="instance1"):
    """The kill of the kill mode: SIGKILL to instance ``name`` as soon as
    ``ziel`` votes were answered – requests are in flight at that moment."""

    def kill(ergebnis):
        while True:
            with ergebnis.lock:
                n = sum(1 for w in ergebnis.writes if w["art"] == "votum")
            if n >= ziel:
                break
            time.sleep(0.05)
        pid = umgebung.pid(name)
        print(f"  SIGKILL {name} (pid {pid}) nach {n} Votes", flush=True)
        umgebung.kill(name, signal.SIGKILL)
        ergebnis.getoetet = name

    return kill


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modus", choices=("single", "cluster", "kill"))
    parser.add_argument("--url", help="a running site instead of --modus (loopback)")
    parser.add_argument("--logs", nargs="*", default=[], help="event logs (with --url)")
    parser.add_argument("--votes", type=int, default=1000)
    parser.add_argument("--creates", type=int, default=200)
    parser.add_argument("--antraege", type=int, default=0)
    parser.add_argument("--max-sekunden", type=float, default=900)
    parser.add_argument("--kill-nach", type=float, default=0.3, help="Anteil der Votes")
    parser.add_argument(
        "--var", help="Verzeichnis (Standard instance/var/loadtest-<modus>)"
    )
    parser.add_argument("--streng", action="store_true", help="5xx ist ein Fehler")
    parser.add_argument("--behalten", action="store_true", help="am Ende nicht stoppen")
    args = parser.parse_args(argv)
    if not args.url and not args.modus:
        parser.error("--modus oder --url")

    if args.url:
        summe = lauf_gegen(
            nur_loopback(args.url), args, [Path(p) for p in args.logs], titel=args.url
        )
        return fertig(summe, args)

    var = Path(args.var or REPO / "instance" / "var" / f"loadtest-{args.modus}")
    if var.exists():
        shutil.rmtree(var)
    if args.modus == "single":
        umgebung = Single(var, port=18080)
        logs = [umgebung.event_log]
    else:
        umgebung = Cluster(var, port=18180, instances=(18181, 18182), pg_port=15433)
        logs = [umgebung.log / f"{name}-event.log" for name in umgebung.names()]
    kill = (
        kill_nach_votes(umgebung, int(args.votes * args.kill_nach))
        if args.modus == "kill"
        else None
    )

    try:
        print(f"Starte {args.modus} in {var} …", flush=True)
        umgebung.start()
        base = umgebung.url()
        titel = {
            "single": "eine Instanz, FileStorage",
            "cluster": "Cluster: PostgreSQL + 2 Instanzen + HAProxy",
            "kill": "Cluster, instance1 per SIGKILL beendet",
        }[args.modus]
        summe = lauf_gegen(base, args, logs, kill=kill, titel=titel)
        if args.modus == "kill":
            antwort = requests.get(f"{base}/@@ok", timeout=10)
            print(f"  HAProxy nach dem Kill: GET @@ok → {antwort.status_code}")
            summe["nach_kill"] = antwort.status_code
    finally:
        if not args.behalten:
            umgebung.stop()
    return fertig(summe, args)


def fertig(summe, args):
    schlecht = (
        summe["verloren"] or summe["doppelt"] or summe.get("nach_kill", 200) != 200
    )
    if args.streng:
        schlecht = schlecht or summe["5xx"] or summe["ohne_antwort"]
    return 1 if schlecht else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
