"""The one validation of a record, used by the dry run and the real run.

``pruefen`` turns a ``Datensatz`` into the values the writer needs, or into
the list of reasons it is refused – every reason at once, in German, so the
dry run shows the user all that needs fixing and the real run refuses with
the very same words.
"""

from datetime import datetime
from stadtdo.sozialnetz.content.vokabulare import AUFTRITTSARTEN
from stadtdo.sozialnetz.content.vokabulare import SONSTIGE
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.infrastruktur.eingaben import ADRESSE_MAX
from stadtdo.sozialnetz.infrastruktur.eingaben import EINZEILIG_MAX
from stadtdo.sozialnetz.infrastruktur.eingaben import zahl
from stadtdo.sozialnetz.migration.verfahren import GREMIEN
from stadtdo.sozialnetz.migration.verfahren import STATUS as ZUSTAENDE
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import mimetypes


STATUS = {
    "entwurf": "entwurf",
    "genehmigung durch fachbereichsleitung": "genehmigung_fbl",
    "zurückgewiesen": "zurueckgewiesen",  # only once the workflow has the state
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
#: Line separators a mail header cannot carry (str.splitlines' boundaries).
ZEILENUMBRUECHE = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


class Abgelehnt(ValueError):
    """One reason why a value cannot be taken over."""


def _einzeilig(wert, feld, grenze=None):
    """Single-line fields end up in mail headers (subject, names) and have
    the add-on's length limit (``eingaben``)."""
    grenze = grenze or EINZEILIG_MAX
    if len(wert or "") > grenze:
        raise Abgelehnt(
            f"„{feld}“ ist zu lang: höchstens {zahl(grenze)} Zeichen, "
            f"übergeben {zahl(len(wert))}"
        )
    if ZEILENUMBRUECHE.intersection(wert or ""):
        raise Abgelehnt(
            f"„{feld}“ enthält einen Zeilenumbruch; das Feld ist einzeilig und "
            "steht in E-Mail-Kopfzeilen (z. B. im Betreff)"
        )
    return wert


def _datum(text, feld, *, pflicht=False):
    if not text:
        if pflicht:
            raise Abgelehnt(f"„{feld}“ fehlt")
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise Abgelehnt(f"„{feld}“ ist kein Datum: {text!r}")


def _fachbereich(datenbank, text):
    for folder in datenbank.objectValues():
        if folder.portal_type == "Fachbereich" and text in (
            folder.getId(),
            folder.kuerzel,
        ):
            return folder
    raise Abgelehnt(f"unbekannter Fachbereich {text!r}")


def _plattform(datenbank, text):
    """(value, free text): an unknown platform becomes "Sonstige" with its name."""
    if not text:
        raise Abgelehnt("„Plattform“ fehlt")
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
    for value, title in AUFTRITTSARTEN:
        if text.lower() in (value, translate(title, target_language="de").lower()):
            return value
    raise Abgelehnt(f"unbekannte Art des Auftritts {text!r}")


def _status(text):
    status = STATUS.get(text.lower())
    if status not in ZUSTAENDE:
        raise Abgelehnt(f"unbekannter Status {text!r}")
    return status


def _web_adresse(text):
    """The account's address: empty, or http/https (``content.weblink``)."""
    if text and web_adresse(text) is None:
        raise Abgelehnt(
            f"„URL“ ist keine Web-Adresse (nur http:// oder https://): {text!r}"
        )
    return text or None


def _pflicht(text, feld):
    if not text:
        raise Abgelehnt(f"„{feld}“ fehlt")
    return text


def _personen(personen):
    for person in personen:
        for feld, wert in (
            ("Name", person.nachname),
            ("Vorname", person.vorname),
            ("E-Mail", person.email),
        ):
            _einzeilig(_pflicht(wert, f"{feld} einer Person"), f"{feld} einer Person")
        if "@" not in person.email:
            raise Abgelehnt(
                f"E-Mail-Adresse einer Person nicht lesbar: {person.email!r}"
            )
    return personen


def _voten(voten):
    spalten = {translate(g.spalte, target_language="de").lower(): g.id for g in GREMIEN}
    result = {}
    for spalte, wert in voten.items():
        gremium = spalten.get(spalte.lower())
        votum = VOTEN.get(wert.lower())
        if gremium is None or votum is None:
            raise Abgelehnt(f"Votum nicht lesbar: {spalte}={wert!r}")
        result[gremium] = votum
    return result


def _anlagen(anlagen):
    result = []
    for anlage in anlagen:
        if not anlage.dateiname:
            raise Abgelehnt("Anlage ohne Dateinamen")
        if anlage.daten is None:
            raise Abgelehnt(f"Anlage {anlage.dateiname!r}: Dateidaten nicht lesbar")
        typ = mimetypes.guess_type(anlage.dateiname)[0] or "application/octet-stream"
        result.append((anlage.dateiname, typ, anlage.daten))
    return result


def pruefen(datenbank, satz):
    """Check one record against the database; return ``(daten, gruende)``.

    ``daten`` is the dict the writer takes (None if refused); ``gruende`` the
    German reasons for refusing it, the reader's own problems first.
    """
    gruende = list(satz.maengel)
    daten = {"notes_id": satz.notes_id}

    def feld(name, pruefung, *args, **kwargs):
        try:
            daten[name] = pruefung(*args, **kwargs)
        except Abgelehnt as error:
            gruende.append(str(error))

    for titel, wert in (
        ("Notes-ID", satz.notes_id),
        ("Fachbereich", satz.fachbereich),
        ("Plattform", satz.plattform),
        ("Art", satz.art),
        ("Konto", satz.konto),
        ("URL", satz.url),
        ("Status", satz.status),
        ("Antragsteller", satz.antragsteller),
    ):
        feld("_", _einzeilig, wert, titel, ADRESSE_MAX if titel == "URL" else None)
    feld("notes_id", _pflicht, satz.notes_id, "Notes-ID")
    feld("status", _status, satz.status)
    feld("folder", _fachbereich, datenbank, satz.fachbereich)
    feld("plattform", _plattform, datenbank, satz.plattform)
    feld("auftrittsart", _auftrittsart, satz.art)
    feld("kontoname", _pflicht, satz.konto, "Konto")
    feld("url", _web_adresse, satz.url)
    daten["antragsteller"] = satz.antragsteller
    feld("erstellt", _datum, satz.erstellt, "Erstellt", pflicht=True)
    feld("genehmigt", _datum, satz.genehmigt, "Genehmigt")
    feld("personen", _personen, satz.personen)
    feld("voten", _voten, satz.voten)
    feld("anlagen", _anlagen, satz.anlagen)
    if (
        daten.get("status") in ("genehmigt", "eingestellt", "archiviert")
        and "genehmigt" in daten
        and daten["genehmigt"] is None
    ):
        gruende.append("„Genehmigt“ fehlt für einen genehmigten Antrag")
    if gruende:
        return None, gruende
    del daten["_"]
    daten["plattform"], daten["plattform_sonstige"] = daten["plattform"]
    daten["begruendung_html"] = satz.begruendung_html
    daten["verlauf"] = list(satz.verlauf)
    daten["vorgaenger"] = satz.vorgaenger
    return daten, []
