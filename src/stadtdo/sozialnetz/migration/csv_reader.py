"""Reading the CSV export of the Notes view, in the encodings Notes writes.

One row per Antrag with the header line::

    Notes-ID;Fachbereich;Plattform;Art;Konto;URL;Status;Erstellt;Genehmigt;
    Antragsteller;Personen;Voten

and optionally ``Vorgänger`` (the Notes-ID of the Antrag a row re-applies
for). ``Personen``: ``Name, Vorname <E-Mail> | ...``; ``Voten``: ``FB 3=Ja |
Datenschutz=Nein | ...`` with the Kurzansicht's column heads. Dates as
``TT.MM.JJJJ`` or ``JJJJ-MM-TT``.

Encoding: a byte order mark decides (UTF-8, UTF-16 LE/BE); without one the
file is read as UTF-8 if it is valid UTF-8, else as Windows-1252 (what a
Windows Notes client writes); ``--encoding`` overrides both. Delimiter:
semicolon or comma (``csv.Sniffer`` on the header line). CRLF and LF line ends.
The whole file is decoded at once, so a decoding error can name its line and
column before anything is imported.
"""

from stadtdo.sozialnetz.migration.datensatz import DateiFehler
from stadtdo.sozialnetz.migration.datensatz import Datensatz
from stadtdo.sozialnetz.migration.datensatz import personen_lesen
import codecs
import csv
import io


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
VORGAENGER = "Vorgänger"  # optional column

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
NAMEN = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 mit BOM",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}


def _name(encoding):
    return NAMEN.get(codecs.lookup(encoding).name, encoding)


def _position(daten, encoding, error):
    """Line and column (1-based, in characters) of a decoding error."""
    davor = daten[: error.start].decode(encoding, errors="replace")
    zeile = davor.count("\n") + 1
    spalte = len(davor) - (davor.rfind("\n") + 1) + 1
    return zeile, spalte


def dekodieren(daten, encoding=None):
    """Return ``daten`` (bytes) as text; raise DateiFehler if it cannot be read.

    Without ``encoding``: BOM, else strict UTF-8, else Windows-1252.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DateiFehler(
                f"Unbekannte Kodierung {encoding!r} (z. B. utf-8, cp1252, utf-16)."
            ) from None
        versuche = [encoding]
    else:
        versuche = [name for bom, name in BOMS if daten.startswith(bom)][:1]
        versuche = versuche or ["utf-8", "cp1252"]
    for name in versuche:
        try:
            return daten.decode(name).removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            fehler = (name, error)
    name, error = fehler
    zeile, spalte = _position(daten, name, error)
    versucht = ", ".join(_name(n) for n in versuche)
    raise DateiFehler(
        f"Zeile {zeile}, Spalte {spalte}: Byte 0x{daten[error.start]:02X} ist "
        f"nicht lesbar (Kodierung {versucht}). Geben Sie die Kodierung mit "
        f"--encoding an, z. B. --encoding cp1252 oder --encoding utf-16."
    )


def trennzeichen(kopfzeile):
    """``;`` or ``,``, whichever separates the header line."""
    try:
        return csv.Sniffer().sniff(kopfzeile, delimiters=";,").delimiter
    except csv.Error:
        return ";"


def _voten(text, maengel):
    result = {}
    for teil in filter(None, (t.strip() for t in (text or "").split("|"))):
        spalte, gleich, wert = teil.partition("=")
        if not gleich:
            maengel.append(f"Votum nicht lesbar: {teil!r}")
            continue
        result[spalte.strip()] = wert.strip()
    return result


def _datensatz(nr, werte):
    maengel = []
    return Datensatz(
        quelle=f"Zeile {nr}",
        notes_id=werte["Notes-ID"],
        fachbereich=werte["Fachbereich"],
        plattform=werte["Plattform"],
        art=werte["Art"],
        konto=werte["Konto"],
        url=werte["URL"],
        status=werte["Status"],
        erstellt=werte["Erstellt"],
        genehmigt=werte["Genehmigt"],
        antragsteller=werte["Antragsteller"],
        personen=personen_lesen(werte["Personen"].split("|"), maengel),
        voten=_voten(werte["Voten"], maengel),
        vorgaenger=werte.get(VORGAENGER, ""),
        maengel=maengel,
    )


def csv_datensaetze(text):
    """Yield one Datensatz per row of ``text`` (the decoded file).

    Raises DateiFehler if the header lacks columns or the CSV cannot be split.
    """
    kopfzeile = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=trennzeichen(kopfzeile)
    )
    kopf = [spalte.strip() for spalte in next(reader, [])]
    fehlend = [s for s in SPALTEN if s not in kopf]
    if fehlend:
        raise DateiFehler(f"Zeile 1: Spalten fehlen: {', '.join(fehlend)}")
    while True:
        nr = reader.line_num + 1  # a quoted value may span lines: report the first
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DateiFehler(f"Zeile {nr}: CSV nicht lesbar: {error}") from None
        if not any(cell.strip() for cell in row):
            continue
        werte = dict.fromkeys(kopf, "")
        werte.update((s, (w or "").strip()) for s, w in zip(kopf, row, strict=False))
        satz = _datensatz(nr, werte)
        if len(row) > len(kopf):
            satz.maengel.append(
                f"{len(row)} statt {len(kopf)} Spalten – steht ein Trennzeichen "
                "in einem Wert ohne Anführungszeichen?"
            )
        yield satz
