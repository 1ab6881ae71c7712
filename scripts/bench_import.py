"""Benchmark of the Notes import (``make bench``): N documents from DXL.

For each N a throw-away instance (FileStorage with blobs, in a temporary
directory) gets the demo site (``scripts/create_site.py``); a generated DXL
export with N Antrag documents – each with one Person document, the five
votes, rich text, the Notes history and one attachment of 2 KB – is then
taken over by the real console script, as a user would run it: dry run,
import (commits every 100 Anträge), second run (creates nothing). Printed per
run: wall time and peak memory (maximum resident set size of that process).

    .venv/bin/python scripts/bench_import.py [1000 10000]
"""

from pathlib import Path
import base64
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FACHBEREICHE = ("FB 10", "FB 32", "FB 50")
PLATTFORMEN = ("Facebook", "Instagram", "YouTube", "Mastodon", "LinkedIn")
STATUS = ("Genehmigt", "In Bearbeitung", "Abgelehnt", "Eingestellt", "Archiviert")
ANLAGE = "\n".join(textwrap.wrap(base64.b64encode(os.urandom(2048)).decode(), 76))


def _antrag(i):
    unid = f"{i:032X}"
    return f"""<document form='Antrag'>
<noteinfo noteid='{i:x}' unid='{unid}'>
<created><datetime>20190314T101500,00+01</datetime></created>
<modified><datetime>20190502T143000,00+02</datetime></modified></noteinfo>
<updatedby><name>CN=Petra Schulz/OU=FB10/O=Stadtdo</name></updatedby>
<revisions><datetime>20190314T101500,00+01</datetime><datetime>20190502T143000,00+02</datetime></revisions>
<item name='Fachbereich'><text>{FACHBEREICHE[i % 3]}</text></item>
<item name='Plattform'><text>{PLATTFORMEN[i % 5]}</text></item>
<item name='Art'><text>Profil</text></item>
<item name='Konto'><text>@konto{i}</text></item>
<item name='URL'><text>https://social.example/@konto{i}</text></item>
<item name='Status'><text>{STATUS[i % 5]}</text></item>
<item name='Genehmigt'><datetime>20190502</datetime></item>
<item name='Antragsteller'><text>CN=Petra Schulz/OU=FB10/O=Stadtdo</text></item>
<item name='VotumFB3'><text>Ja</text></item>
<item name='VotumDatenschutz'><text>Ja</text></item>
<item name='VotumPersonalrat'><text>Ja</text></item>
<item name='VotumFB11'><text>Ja</text></item>
<item name='VotumITSicherheit'><text>in Bearbeitung</text></item>
<item name='Begruendung'><richtext><pardef id='1'/><par def='1'>Antrag <run><font style='bold'/>{i}</run>: Bürgerinformation.</par></richtext></item>
<item name='$FILE'><object><file hosttype='msdos' name='Konzept-{i}.pdf'><filedata>
{ANLAGE}
</filedata></file></object></item>
</document>
<document form='Person'>
<noteinfo noteid='{i:x}1' unid='P{unid[1:]}'/>
<item name='$REF'><text>{unid}</text></item>
<item name='Name'><text>Muster{i}</text></item>
<item name='Vorname'><text>Erika</text></item>
<item name='EMail'><text>erika.muster{i}@stadtdo.de</text></item>
</document>
"""


def write_dxl(pfad, n):
    with pfad.open("w", encoding="utf-8") as datei:
        datei.write("<?xml version='1.0' encoding='utf-8'?>\n")
        datei.write(
            "<database xmlns='http://www.lotus.com/dxl' title='Soziale Netzwerke'>\n"
        )
        for i in range(n):
            datei.write(_antrag(i))
        datei.write("</database>\n")


def instance(tmp):
    """A throw-away instance in ``tmp`` with the demo site; returns zope.conf."""
    (tmp / "etc").mkdir()
    shutil.copy(ROOT / "instance" / "etc" / "site.zcml", tmp / "etc")
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (tmp / "var" / sub).mkdir(parents=True)
    conf = tmp / "etc" / "zope.conf"
    template = (ROOT / "instance" / "etc" / "zope.conf.in").read_text()
    conf.write_text(template.replace("@INSTANCE@", str(tmp)))
    subprocess.run(
        [BIN / "zconsole", "run", conf, ROOT / "scripts" / "create_site.py"],
        env=dict(os.environ, MAIL_QUEUE=str(tmp / "mailqueue")),
        check=True,
        capture_output=True,
    )
    return conf


def run(*args):
    """Run the console script; return (seconds, peak RSS in MB, exit code, last line)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [BIN / "sozialnetz-notes-import", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    ausgabe = process.stdout.read()
    _pid, status, rusage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    letzte = ausgabe.strip().splitlines()[-1]
    return seconds, rusage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), letzte


def main(sizes):
    print(
        f"{'N':>6} | {'DXL MB':>6} | {'Probelauf s':>11} | {'MB':>5} | "
        f"{'Import s':>8} | {'MB':>5} | {'2. Lauf s':>9} | {'MB':>5}"
    )
    print("-" * 78)
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-import-") as name:
            tmp = Path(name)
            conf = instance(tmp)
            dxl = tmp / "export.dxl"
            write_dxl(dxl, n)
            zeilen = []
            werte = []
            for extra in (["--probelauf"], [], []):
                sekunden, mb, code, letzte = run(
                    "--zope-conf", str(conf), *extra, str(dxl)
                )
                if code != 0:
                    raise SystemExit(f"Exit-Code {code}: {letzte}")
                werte += [sekunden, mb]
                zeilen.append(letzte)
            print(
                f"{n:>6} | {dxl.stat().st_size / 2**20:>6.1f} | {werte[0]:>11.1f} | "
                f"{werte[1]:>5.0f} | {werte[2]:>8.1f} | {werte[3]:>5.0f} | "
                f"{werte[4]:>9.1f} | {werte[5]:>5.0f}",
                flush=True,
            )
            for zeile in zeilen:
                print(f"       {zeile}")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 10000])
