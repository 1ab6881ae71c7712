"""The neutral record every reader yields: one Notes document or CSV row."""

from dataclasses import dataclass
from dataclasses import field
import re


PERSON = re.compile(
    r"^\s*(?P<nachname>[^,<]+),\s*(?P<vorname>[^<]+?)\s*<(?P<email>[^>]+)>\s*$"
)


class DateiFehler(Exception):
    """The file as a whole cannot be read; the message is German and says
    where (line, column) and what to do."""


@dataclass
class PersonDaten:
    nachname: str = ""
    vorname: str = ""
    email: str = ""


@dataclass
class AnlageDaten:
    dateiname: str
    daten: bytes | None  # None: the file data could not be decoded


@dataclass
class Datensatz:
    """What a reader found for one Antrag, still unchecked.

    Text values are as found (stripped); dates as ``TT.MM.JJJJ`` or
    ``JJJJ-MM-TT``. ``voten`` maps the Kurzansicht's column heads ("FB 3",
    "Datenschutz", ...) to the recorded value ("Ja", "in Bearbeitung", ...).
    ``maengel`` holds what the reader itself could not read; the validator
    reports them together with its own findings.
    """

    quelle: str  # "Zeile 3" or "Dokument 2 (Zeile 41)": where the user finds it
    notes_id: str = ""
    fachbereich: str = ""
    plattform: str = ""
    art: str = ""
    konto: str = ""
    url: str = ""
    status: str = ""
    erstellt: str = ""
    genehmigt: str = ""
    antragsteller: str = ""
    personen: list[PersonDaten] = field(default_factory=list)
    voten: dict[str, str] = field(default_factory=dict)
    begruendung_html: str = ""  # safe HTML, built by the reader
    anlagen: list[AnlageDaten] = field(default_factory=list)
    verlauf: list[str] = field(default_factory=list)  # Notes history, in words
    vorgaenger: str = ""  # Notes-ID of the Antrag this one re-applies for
    maengel: list[str] = field(default_factory=list)
    form: str = "Antrag"  # anything else is only reported (e.g. an orphaned Person)


def personen_lesen(eintraege, maengel):
    """Persons written as ``Name, Vorname <E-Mail>`` (CSV column, DXL text list).

    Unreadable entries are added to ``maengel``.
    """
    result = []
    for eintrag in filter(None, (e.strip() for e in eintraege)):
        match = PERSON.match(eintrag)
        if match is None:
            maengel.append(
                f"Person nicht lesbar (erwartet „Name, Vorname <E-Mail>“): {eintrag!r}"
            )
            continue
        werte = {k: v.strip() for k, v in match.groupdict().items()}
        result.append(PersonDaten(**werte))
    return result
