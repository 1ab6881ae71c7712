"""``sozialnetz-pruefen``: check a whole database; exit code 1 on any finding.

    .venv/bin/sozialnetz-pruefen --zope-conf instance/etc/zope.conf [--site Plone]

Run it with the instance stopped (a FileStorage can be opened by one process;
RelStorage may stay in use), after an upgrade and after a restore. It reports

- **kaputt**: records whose class cannot be imported (they load as broken
  objects, e.g. a class that moved without an alias, ``stadtdo.sozialnetz.bbb``),
- **unladbar**: records that cannot be unpickled (checked with ``zodbverify``),
- **blob**: blob records whose file is missing in the blob directory,
- **katalog**: catalog entries without object, content missing from the
  catalog,
- **verlauf**: Anträge whose votes, workflow history and catalog disagree
  (``verfahren.pruefung``, the check of the jobs preview).

Every record of the storage is read (``record_iternext``, FileStorage and
RelStorage), the current revision only.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from dataclasses import dataclass
from plone.dexterity.interfaces import IDexterityContent
from stadtdo.sozialnetz.verfahren.pruefung import pruefen
from Testing.makerequest import makerequest
from ZODB.broken import Broken
from ZODB.broken import find_global
from ZODB.utils import get_pickle_metadata
from ZODB.utils import oid_repr
from zodbverify.verify import verify_record
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from Zope2.Startup.run import make_wsgi_app
import argparse
import logging
import sys
import transaction
import Zope2


@dataclass(frozen=True)
class Befund:
    art: str  # kaputt, unladbar, blob, katalog, verlauf
    ort: str  # oid or path
    text: str

    def __str__(self):
        return f"[{self.art}] {self.ort}: {self.text}"


def _klasse_fehlt(modulname, name):
    try:
        klasse = find_global(modulname, name, Broken=Broken)
    except Exception:  # noqa: BLE001 - any failure to find it is the finding
        return True
    return isinstance(klasse, type) and issubclass(klasse, Broken)


def datensaetze(storage):
    """``(oid, tid, data)`` of the current revision of every record."""
    weiter = None
    while True:
        oid, tid, data, weiter = storage.record_iternext(weiter)
        yield oid, tid, data
        if weiter is None:
            return


def speicher_pruefen(storage):
    """Findings of every record of ``storage``, and the number read."""

    logging.getLogger("zodbverify").setLevel(logging.WARNING)
    befunde, anzahl = [], 0
    for oid, tid, data in datensaetze(storage):
        anzahl += 1
        ort = oid_repr(oid)
        try:
            modulname, name = get_pickle_metadata(data)
        except Exception as error:  # noqa: BLE001
            befunde.append(Befund("unladbar", ort, f"Klassenangabe unlesbar: {error}"))
            continue
        if _klasse_fehlt(modulname, name):
            befunde.append(Befund("kaputt", ort, f"Klasse {modulname}.{name} fehlt"))
            continue
        ok, meldung = verify_record(oid, data)
        if not ok:
            befunde.append(Befund("unladbar", ort, f"{modulname}.{name}: {meldung}"))
            continue
        if (modulname, name) == ("ZODB.blob", "Blob"):
            try:
                storage.loadBlob(oid, tid)
            except Exception as error:  # noqa: BLE001
                befunde.append(Befund("blob", ort, f"Datei fehlt: {error}"))
    return befunde, anzahl


def _inhalte(obj):
    """Every Dexterity content object below ``obj`` (depth first)."""

    for kind in obj.objectValues():
        if IDexterityContent.providedBy(kind):
            yield kind
            if getattr(kind.aq_base, "isPrincipiaFolderish", False):
                yield from _inhalte(kind)


def katalog_pruefen(portal):
    """Catalog entries without object and content the catalog lacks."""
    catalog = portal.portal_catalog
    befunde = []
    katalogisiert = set(catalog._catalog.uids)
    for pfad in sorted(katalogisiert):
        if portal.unrestrictedTraverse(pfad, None) is None:
            befunde.append(Befund("katalog", pfad, "Katalogeintrag ohne Objekt"))
    for obj in _inhalte(portal):
        pfad = "/".join(obj.getPhysicalPath())
        if pfad not in katalogisiert:
            befunde.append(Befund("katalog", pfad, "Objekt fehlt im Katalog"))
    return befunde


def verlauf_pruefen():
    return [
        Befund("verlauf", f"{nummer} {url}", abweichung)
        for nummer, url, abweichungen in pruefen()
        for abweichung in abweichungen
    ]


def pruefe(app, site_id="Plone"):
    """Every finding for the Zope ``app`` and its site ``site_id``."""

    storage = app._p_jar.db().storage
    befunde, anzahl = speicher_pruefen(storage)
    site = app.get(site_id)
    if site is None:
        befunde.append(Befund("katalog", site_id, "Website fehlt"))
        return befunde, anzahl
    newSecurityManager(None, system)
    setSite(site)
    befunde += katalog_pruefen(site)
    befunde += verlauf_pruefen()
    return befunde, anzahl


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="sozialnetz-pruefen", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--zope-conf", required=True, help="zope.conf der Instanz")
    parser.add_argument("--site", default="Plone", help="ID der Plone-Website")
    args = parser.parse_args(argv)

    make_wsgi_app({}, args.zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    try:
        befunde, anzahl = pruefe(app, args.site)
    finally:
        transaction.abort()
        app._p_jar.close()
    for befund in befunde:
        print(befund)
    print(f"{anzahl} Datensätze gelesen, {len(befunde)} Befunde.")
    return 1 if befunde else 0


if __name__ == "__main__":
    sys.exit(main())
