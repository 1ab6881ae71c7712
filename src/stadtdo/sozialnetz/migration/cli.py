"""``sozialnetz-notes-import``: take over a DXL or CSV export of the Notes database.

Run it while the instance is stopped – a FileStorage can be opened by one
process only::

    .venv/bin/sozialnetz-notes-import --probelauf export.dxl   # check only
    .venv/bin/sozialnetz-notes-import export.dxl
    .venv/bin/sozialnetz-notes-import --encoding cp1252 export.csv

A file ending in ``.dxl`` or ``.xml`` or starting with ``<`` is read as DXL,
anything else as CSV. Options: ``--zope-conf`` (instance/etc/zope.conf),
``--site`` (Plone), ``--benutzer`` (admin: recorded as actor of "aus Notes
übernommen"), ``--encoding`` (CSV only; default: detect), ``--stapel`` (100:
Anträge per commit). Exit code 0 if every record was taken over or already
present, 1 if any was refused, 2 if the file cannot be read.
"""

from AccessControl.SecurityManagement import newSecurityManager
from pathlib import Path
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.migration.csv_reader import csv_datensaetze
from stadtdo.sozialnetz.migration.csv_reader import dekodieren
from stadtdo.sozialnetz.migration.datensatz import DateiFehler
from stadtdo.sozialnetz.migration.dxl_reader import dxl_datensaetze
from stadtdo.sozialnetz.migration.uebernahme import uebernehmen
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from Zope2.Startup.run import make_wsgi_app
import argparse
import sys
import transaction
import Zope2


def ist_dxl(pfad):
    if pfad.suffix.lower() in (".dxl", ".xml"):
        return True
    with pfad.open("rb") as datei:
        anfang = datei.read(64).removeprefix(b"\xef\xbb\xbf").lstrip()
    return anfang.startswith(b"<")


def _parser():
    parser = argparse.ArgumentParser(
        prog="sozialnetz-notes-import",
        description=(
            "Übernimmt den Katalog der Notes-Datenbank „Soziale Netzwerke“ aus "
            "einem DXL-Export oder einer CSV-Datei der Notes-Ansicht."
        ),
    )
    parser.add_argument(
        "datei",
        type=Path,
        help="DXL-Export (.dxl) oder CSV-Export (Trennzeichen ; oder ,)",
    )
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument("--site", default="Plone")
    parser.add_argument("--benutzer", default="admin")
    parser.add_argument(
        "--probelauf", action="store_true", help="nur prüfen, nichts anlegen"
    )
    parser.add_argument(
        "--encoding",
        help="Kodierung der CSV-Datei (z. B. utf-8, cp1252, utf-16); "
        "ohne Angabe: BOM, sonst UTF-8, sonst Windows-1252",
    )
    parser.add_argument(
        "--stapel", type=int, default=100, help="Anträge je Commit (100)"
    )
    return parser


def _datensaetze(args):
    """The reader for the file; CSV is decoded (and refused) before Zope starts."""
    if ist_dxl(args.datei):
        return dxl_datensaetze(args.datei)
    return csv_datensaetze(dekodieren(args.datei.read_bytes(), args.encoding))


def _anmelden(parser, app, site, userid):

    for acl_users in (site.acl_users, app.acl_users):
        user = acl_users.getUserById(userid)
        if user is not None:
            newSecurityManager(None, user.__of__(acl_users))
            return
    parser.error(f"Benutzer*in {userid!r} gibt es nicht")


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.datei.exists():
        parser.error(f"Datei nicht gefunden: {args.datei}")

    try:
        datensaetze = _datensaetze(args)
    except DateiFehler as error:
        print(f"{args.datei}: {error}", file=sys.stderr)
        return 2

    make_wsgi_app({}, args.zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    site = app[args.site]
    setSite(site)
    _anmelden(parser, app, site, args.benutzer)

    datenbank = get_datenbank(site)
    if datenbank is None:
        parser.error(
            f"Die Website {args.site!r} hat keine Datenbank „Soziale Netzwerke“"
        )

    def nach_stapel(ergebnis):
        transaction.commit()
        app._p_jar.cacheGC()
        if not ergebnis.neu:
            return
        letzte = ergebnis.meldungen[-1].quelle
        print(
            f"… {len(ergebnis.neu)} Antrag/Anträge angelegt und gespeichert "
            f"(bis {letzte})",
            file=sys.stderr,
            flush=True,
        )

    try:
        ergebnis = uebernehmen(
            datenbank,
            datensaetze,
            probelauf=args.probelauf,
            stapel=args.stapel,
            nach_stapel=nach_stapel,
        )
    except DateiFehler as error:
        transaction.abort()
        print(f"{args.datei}: {error}", file=sys.stderr)
        return 2
    transaction.abort()  # the dry run changes nothing; the real run has committed
    print(ergebnis.zusammenfassung())
    return 1 if ergebnis.abgelehnt else 0


if __name__ == "__main__":
    sys.exit(main())
