"""``sozialnetz-notes-import``: take over a CSV export of the Notes database.

Run it while the instance is stopped – a FileStorage can be opened by one
process only::

    .venv/bin/sozialnetz-notes-import docs/notes-export-beispiel.csv
    .venv/bin/sozialnetz-notes-import --probelauf export.csv   # check only

Options: ``--zope-conf`` (instance/etc/zope.conf), ``--site`` (Plone),
``--benutzer`` (admin: recorded as actor of "aus Notes übernommen").
Exit code 0 if every row was taken over or already present, 1 otherwise.
"""

from pathlib import Path
import argparse
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="sozialnetz-notes-import",
        description="Übernimmt den Katalog der Notes-Datenbank „Soziale Netzwerke“ aus einer CSV-Datei.",
    )
    parser.add_argument(
        "csv", type=Path, help="CSV-Export der Notes-Ansicht (Semikolon, UTF-8)"
    )
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument("--site", default="Plone")
    parser.add_argument("--benutzer", default="admin")
    parser.add_argument(
        "--probelauf", action="store_true", help="nur prüfen, nichts anlegen"
    )
    args = parser.parse_args(argv)
    if not args.csv.exists():
        parser.error(f"Datei nicht gefunden: {args.csv}")

    from AccessControl.SecurityManagement import newSecurityManager
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import make_wsgi_app
    import transaction
    import Zope2

    make_wsgi_app({}, args.zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    site = app[args.site]
    setSite(site)
    user = site.acl_users.getUserById(args.benutzer) or app.acl_users.getUserById(
        args.benutzer
    )
    if user is None:
        parser.error(f"Benutzer*in {args.benutzer!r} gibt es nicht")
    newSecurityManager(
        None,
        user.__of__(
            site.acl_users
            if site.acl_users.getUserById(args.benutzer)
            else app.acl_users
        ),
    )

    from stadtdo.sozialnetz.migration import import_csv

    with args.csv.open(encoding="utf-8-sig", newline="") as datei:
        ergebnis = import_csv(site["soziale-netzwerke"], datei, dry_run=args.probelauf)
    if args.probelauf:
        transaction.abort()
    else:
        transaction.commit()
    print(ergebnis.zusammenfassung())
    return 1 if ergebnis.fehler else 0


if __name__ == "__main__":
    sys.exit(main())
