"""Taking over the catalogue of the Notes database from a CSV export.

One row per Antrag, separated by semicolons, with the header line::

    Notes-ID;Fachbereich;Plattform;Art;Konto;URL;Status;Erstellt;Genehmigt;
    Antragsteller;Personen;Voten

``Personen``: ``Name, Vorname <E-Mail> | ...``; ``Voten``: ``FB 3=Ja |
Datenschutz=Nein | ...`` with the Kurzansicht's column heads. Dates as
``TT.MM.JJJJ`` or ``JJJJ-MM-TT``.

Each row becomes an Antrag in its recorded state, with one history entry
"aus Notes übernommen" and the recorded votes. Bad rows are reported with line
number and reason and skipped. The Notes-ID makes a re-run skip rows already
taken over, so nothing is duplicated.
"""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from datetime import datetime
from plone import api
from plone.dexterity.utils import createContentInContainer
from stadtdo.sozialnetz.verfahren.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import _storage
from stadtdo.sozialnetz.vocabularies import AUFTRITTSARTEN
from stadtdo.sozialnetz.vocabularies import SONSTIGE
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import csv
import re


SPALTEN = (
    "Notes-ID",
    "Fachbereich",
    "Plattform",
    "Art",
    "Konto",
    "URL",
    "Status",
    "Erstellt",
    "Genehmigt",
    "Antragsteller",
    "Personen",
    "Voten",
)
STATUS = {
    "entwurf": "entwurf",
    "genehmigung durch fachbereichsleitung": "genehmigung_fbl",
    "stellungnahme dortmund-agentur": "stellungnahme_agentur",
    "in bearbeitung": "beteiligung",
    "beteiligungsverfahren": "beteiligung",
    "genehmigt": "genehmigt",
    "abgelehnt": "abgelehnt",
    "archiviert": "archiviert",
    "eingestellt": "eingestellt",
}
VOTEN = {
    "ja": "ja",
    "nein": "nein",
    "in bearbeitung": "in_bearbeitung",
    "offen": "offen",
    "rückfrage": "rueckfrage",
    "rueckfrage": "rueckfrage",
}
PERSON = re.compile(
    r"^\s*(?P<nachname>[^,<]+),\s*(?P<vorname>[^<]+?)\s*<(?P<email>[^>]+)>\s*$"
)


class Zeilenfehler(ValueError):
    pass


@dataclass
class Ergebnis:
    angelegt: list = field(default_factory=list)
    uebersprungen: list = field(default_factory=list)  # already taken over
    fehler: list = field(default_factory=list)  # (line, reason)

    def zusammenfassung(self):
        zeilen = [
            f"{len(self.angelegt)} Antrag/Anträge übernommen, "
            f"{len(self.uebersprungen)} bereits vorhanden, {len(self.fehler)} Zeile(n) fehlerhaft."
        ]
        zeilen += [f"Zeile {nr}: {grund}" for nr, grund in self.fehler]
        return "\n".join(zeilen)


def _datum(text, spalte, *, pflicht=False):
    text = (text or "").strip()
    if not text:
        if pflicht:
            raise Zeilenfehler(f"„{spalte}“ fehlt")
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise Zeilenfehler(f"„{spalte}“ ist kein Datum: {text!r}")


def _fachbereich(datenbank, text):
    text = (text or "").strip()
    for folder in datenbank.objectValues():
        if folder.portal_type == "Fachbereich" and text in (
            folder.getId(),
            folder.kuerzel,
        ):
            return folder
    raise Zeilenfehler(f"unbekannter Fachbereich {text!r}")


def _plattform(datenbank, text):
    text = (text or "").strip()
    if not text:
        raise Zeilenfehler("„Plattform“ fehlt")
    vocabulary = getUtility(IVocabularyFactory, "stadtdo.sozialnetz.Plattformen")(
        datenbank
    )
    for term in vocabulary:
        if text.lower() in (
            term.value,
            translate(term.title, target_language="de").lower(),
        ):
            return term.value, None
    return SONSTIGE, text


def _auftrittsart(text):
    text = (text or "").strip().lower()
    for value, title in AUFTRITTSARTEN:
        if text in (value, translate(title, target_language="de").lower()):
            return value
    raise Zeilenfehler(f"unbekannte Art des Auftritts {text!r}")


def _personen(text):
    result = []
    for teil in filter(None, (t.strip() for t in (text or "").split("|"))):
        match = PERSON.match(teil)
        if match is None:
            raise Zeilenfehler(
                f"Person nicht lesbar (erwartet „Name, Vorname <E-Mail>“): {teil!r}"
            )
        result.append(match.groupdict())
    return result


def _voten(text):
    spalten = {translate(g.spalte, target_language="de").lower(): g.id for g in GREMIEN}
    result = {}
    for teil in filter(None, (t.strip() for t in (text or "").split("|"))):
        spalte, _, wert = teil.partition("=")
        gremium = spalten.get(spalte.strip().lower())
        votum = VOTEN.get(wert.strip().lower())
        if gremium is None or votum is None:
            raise Zeilenfehler(f"Votum nicht lesbar: {teil!r}")
        result[gremium] = votum
    return result


def _bereits_uebernommen(notes_id):
    catalog = api.portal.get_tool("portal_catalog")
    if "notes_id" not in catalog.indexes():
        # a catalog ignores unknown indexes and would match every Antrag
        raise RuntimeError(
            "Katalogindex notes_id fehlt: Profil stadtdo.sozialnetz erneut anwenden."
        )
    return bool(
        catalog.unrestrictedSearchResults(portal_type="Antrag", notes_id=notes_id)
    )


def _zeile_lesen(datenbank, row):
    notes_id = (row.get("Notes-ID") or "").strip()
    if not notes_id:
        raise Zeilenfehler("„Notes-ID“ fehlt")
    status = STATUS.get((row.get("Status") or "").strip().lower())
    if status is None:
        raise Zeilenfehler(f"unbekannter Status {row.get('Status')!r}")
    plattform, sonstige = _plattform(datenbank, row.get("Plattform"))
    konto = (row.get("Konto") or "").strip()
    if not konto:
        raise Zeilenfehler("„Konto“ fehlt")
    daten = {
        "notes_id": notes_id,
        "folder": _fachbereich(datenbank, row.get("Fachbereich")),
        "status": status,
        "plattform": plattform,
        "plattform_sonstige": sonstige,
        "auftrittsart": _auftrittsart(row.get("Art")),
        "kontoname": konto,
        "url": (row.get("URL") or "").strip() or None,
        "erstellt": _datum(row.get("Erstellt"), "Erstellt", pflicht=True),
        "genehmigt": _datum(row.get("Genehmigt"), "Genehmigt"),
        "antragsteller": (row.get("Antragsteller") or "").strip(),
        "personen": _personen(row.get("Personen")),
        "voten": _voten(row.get("Voten")),
    }
    if (
        status in ("genehmigt", "eingestellt", "archiviert")
        and daten["genehmigt"] is None
    ):
        raise Zeilenfehler("„Genehmigt“ fehlt für einen genehmigten Antrag")
    return daten


def _anlegen(daten):
    antrag = createContentInContainer(
        daten["folder"],
        "Antrag",
        plattform=daten["plattform"],
        plattform_sonstige=daten["plattform_sonstige"],
        auftrittsart=daten["auftrittsart"],
        kontoname=daten["kontoname"],
        url=daten["url"],
    )
    antrag.notes_id = daten["notes_id"]
    antrag.antragsteller = None  # not a user of this site; see notes_antragsteller
    antrag.notes_antragsteller = daten["antragsteller"]
    antrag.notes_genehmigt_am = daten["genehmigt"]
    antrag.creation_date = DateTime(daten["erstellt"].isoformat())
    for person in daten["personen"]:
        createContentInContainer(
            antrag,
            "Person",
            nachname=person["nachname"].strip(),
            vorname=person["vorname"].strip(),
            email=person["email"].strip(),
            rechte_aufgaben="aus Notes übernommen",
        )
    zeitpunkt = DateTime((daten["genehmigt"] or daten["erstellt"]).isoformat())
    user = api.user.get_current()
    storage = _storage(antrag, create=True)
    for gremium, votum in daten["voten"].items():
        if votum == "offen":
            continue
        storage[gremium].eintraege.append(
            {
                "art": "votum",
                "votum": votum,
                "kommentar": "aus Notes übernommen",
                "endgueltig": False,
                "autor": user.getId(),
                "autor_name": "Notes-Übernahme",
                "zeit": zeitpunkt.ISO8601(),
            }
        )
    wf_tool = api.portal.get_tool("portal_workflow")
    wf_tool.setStatusOf(
        WORKFLOW,
        antrag,
        {
            "action": "aus_notes_uebernommen",
            "review_state": daten["status"],
            "actor": user.getId(),
            "comments": (
                f"aus Notes übernommen (Notes-ID {daten['notes_id']}, "
                f"Antragsteller*in laut Notes: {daten['antragsteller'] or 'unbekannt'})"
            ),
            "time": DateTime(),
            "gremium": "",
            "votum": "",
        },
    )
    wf_tool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(antrag)
    antrag.reindexObject()
    for child in antrag.objectValues():
        child.reindexObjectSecurity()
    return antrag


def import_csv(datenbank, datei, *, dry_run=False):
    """Import the rows of ``datei`` (a text file object); return an Ergebnis."""
    ergebnis = Ergebnis()
    reader = csv.DictReader(datei, delimiter=";")
    fehlend = [s for s in SPALTEN if s not in (reader.fieldnames or [])]
    if fehlend:
        ergebnis.fehler.append((1, f"Spalten fehlen: {', '.join(fehlend)}"))
        return ergebnis
    for row in reader:
        nr = reader.line_num
        try:
            daten = _zeile_lesen(datenbank, row)
        except Zeilenfehler as error:
            ergebnis.fehler.append((nr, str(error)))
            continue
        if _bereits_uebernommen(daten["notes_id"]):
            ergebnis.uebersprungen.append(daten["notes_id"])
            continue
        if not dry_run:
            ergebnis.angelegt.append(_anlegen(daten).antragsnummer)
        else:
            ergebnis.angelegt.append(daten["notes_id"])
    return ergebnis
