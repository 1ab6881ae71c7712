"""Reading a DXL export (Domino XML) of the Notes database "Soziale Netzwerke".

The export is streamed with ``lxml.etree.iterparse``: each ``<document>`` is
read, turned into a record and cleared, so a large export (attachments
included) never has to fit in memory. The file is read twice: first only the
Person documents (small), then the Antrag documents, so a Person may stand
before or after its Antrag. A file that is not well-formed XML is refused as
a whole with line and column (before anything is imported); a document that
is well-formed but wrong is refused alone and the rest is taken over.

Mapping (namespace ``http://www.lotus.com/dxl``, also read without it)::

    <document form="Antrag">                    one Antrag
      <noteinfo unid="…">                       Notes-ID = the UNID (stable
                                                across replicas, used by $REF)
        <created><datetime>                     Erstellt (unless item Erstellt)
        <modified><datetime>                    Verlauf: "zuletzt geändert …"
      <updatedby><name>CN=…/O=…</name>          Verlauf: "bearbeitet von …" (CN)
      <revisions><datetime>…                    Verlauf: "überarbeitet …"
      item Fachbereich, Plattform, Art, Konto,  text values, as the CSV columns
           URL, Status
      item Erstellt, Genehmigt                  <datetime> (or text TT.MM.JJJJ)
      item Antragsteller                        text or names (CN is kept)
      item VotumFB3, VotumDatenschutz,          the Kurzansicht: FB 3,
           VotumPersonalrat, VotumFB11,         Datenschutz, Personalrat,
           VotumITSicherheit                    FB 11, IT-Sicherheit
      item Begruendung                          <richtext>: safe HTML (below)
      item $FILE  <object><file name="…">       one Anlage each; content type
                  <filedata>BASE64              from the file name
      item Vorgaenger                           UNID of the predecessor (a
                                                re-application is linked to it)
      item Personen (optional)                  <textlist> "Name, Vorname <E-Mail>"
    <document form="Person">                    one responsible Person
      item $REF                                 UNID of its Antrag
      item Name, Vorname, EMail                 text values

Other forms are ignored; a Person whose ``$REF`` names no Antrag of the file is
reported as refused.

Rich text becomes HTML built here, never copied: ``<par>`` → ``<p>``,
``<run><font style="bold|italic|underline">`` → ``<strong>``/``<em>``/``<u>``,
``<break>`` → ``<br>``, ``<urllink href>`` → ``<a>`` (http, https, mailto
only), ``<table>/<tablerow>/<tablecell>`` → ``<table>/<tr>/<td>``,
``<attachmentref>`` → "Anlage: name"; the text of any other element is kept,
escaped; pictures and other objects are dropped.
"""

from html import escape
from lxml import etree
from stadtdo.sozialnetz.migration.datensatz import AnlageDaten
from stadtdo.sozialnetz.migration.datensatz import DateiFehler
from stadtdo.sozialnetz.migration.datensatz import Datensatz
from stadtdo.sozialnetz.migration.datensatz import PersonDaten
from stadtdo.sozialnetz.migration.datensatz import personen_lesen
import base64
import binascii
import re


DXL = "http://www.lotus.com/dxl"
TEXTFELDER = {
    "Fachbereich": "fachbereich",
    "Plattform": "plattform",
    "Art": "art",
    "Konto": "konto",
    "URL": "url",
    "Status": "status",
    "Antragsteller": "antragsteller",
    "Vorgaenger": "vorgaenger",
}
DATUMSFELDER = {"Erstellt": "erstellt", "Genehmigt": "genehmigt"}
VOTEN = {
    "VotumFB3": "FB 3",
    "VotumDatenschutz": "Datenschutz",
    "VotumPersonalrat": "Personalrat",
    "VotumFB11": "FB 11",
    "VotumITSicherheit": "IT-Sicherheit",
}
DATETIME = re.compile(
    r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(?:,\d+)?([+-]\d{2,4}|Z)?)?$"
)
AUSZEICHNUNGEN = {"bold": "strong", "italic": "em", "underline": "u"}
LINKS = ("http://", "https://", "mailto:")


def _lokal(el):
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kinder(el, name):
    return [kind for kind in el if _lokal(kind) == name]


def _kind(el, name):
    kinder = _kinder(el, name)
    return kinder[0] if kinder else None


def _dokumente(pfad):
    """Yield ``(quelle, element)`` per ``<document>``, clearing each after use."""
    events = etree.iterparse(
        str(pfad),
        events=("end",),
        tag=(f"{{{DXL}}}document", "document"),
        resolve_entities=False,
        no_network=True,
        huge_tree=True,  # base64 data of large attachments
    )
    nummer = 0
    try:
        for _event, dokument in events:
            nummer += 1
            yield f"Dokument {nummer} (Zeile {dokument.sourceline})", dokument
            dokument.clear()
            while dokument.getprevious() is not None:
                del dokument.getparent()[0]
    except etree.XMLSyntaxError as error:
        zeile, spalte = error.position
        raise DateiFehler(
            f"Zeile {zeile}, Spalte {spalte}: kein gültiges XML ({error.msg}). "
            "Es wurde nichts übernommen; exportieren Sie die Datenbank erneut als DXL."
        ) from None


def _items(dokument):
    """``(name, item)`` of a document's items, in order (names may repeat)."""
    return [(item.get("name", ""), item) for item in _kinder(dokument, "item")]


def _werte(item):
    """The text of an item's text, number and datetime values (lists included)."""
    return [
        (el.text or "").strip()
        for el in item.iter()
        if _lokal(el) in ("text", "number", "datetime")
    ]


def _wert(item):
    return ", ".join(w for w in _werte(item) if w)


def _zeit(text):
    """A DXL datetime (``20230115T101500,00+01``) as (ISO date, German display)."""
    match = DATETIME.match(text or "")
    if match is None:
        return None
    jahr, monat, tag, stunde, minute = match.group(1, 2, 3, 4, 5)
    anzeige = f"{tag}.{monat}.{jahr}" + (f" {stunde}:{minute}" if stunde else "")
    return f"{jahr}-{monat}-{tag}", anzeige


def _datum(item):
    """A date item as ``JJJJ-MM-TT``; anything unreadable as found (pruefung refuses)."""
    wert = _wert(item)
    zeit = _zeit(wert)
    return zeit[0] if zeit else wert


def _name(notes_name):
    """``CN=Petra Schulz/OU=FB10/O=Stadtdo`` → ``Petra Schulz``."""
    erster = (notes_name or "").strip().split("/")[0]
    return erster.removeprefix("CN=").strip()


# Rich text


def _inline(el):
    """Escaped text and inline markup of ``el``'s content."""
    teile = [escape(el.text or "")]
    for kind in el:
        name = _lokal(kind)
        if name == "break":
            teile.append("<br>")
        elif name == "run":
            html = _inline(kind)
            font = _kind(kind, "font")
            auszeichnungen = (font.get("style", "") if font is not None else "").split()
            for auszeichnung in auszeichnungen:
                if auszeichnung in AUSZEICHNUNGEN:
                    html = f"<{AUSZEICHNUNGEN[auszeichnung]}>{html}</{AUSZEICHNUNGEN[auszeichnung]}>"
            teile.append(html)
        elif name == "urllink":
            href = kind.get("href", "")
            html = _inline(kind) or escape(href)
            if href.lower().startswith(LINKS):
                html = f'<a href="{escape(href, quote=True)}">{html}</a>'
            teile.append(html)
        elif name == "attachmentref":
            datei = kind.get("displayname") or kind.get("name", "")
            teile.append(escape(f"[Anlage: {datei}]"))
        elif name not in ("font", "pardef", "picture", "objectref", ""):
            teile.append(_inline(kind))
        teile.append(escape(kind.tail or ""))
    return "".join(teile)


def _bloecke(el):
    html = []
    for kind in el:
        name = _lokal(kind)
        if name == "table":
            zeilen = []
            for zeile in _kinder(kind, "tablerow"):
                zellen = "".join(
                    f"<td>{''.join(_bloecke(zelle))}</td>"
                    for zelle in _kinder(zeile, "tablecell")
                )
                zeilen.append(f"<tr>{zellen}</tr>")
            html.append(f"<table>{''.join(zeilen)}</table>")
        elif name == "attachmentref":
            datei = kind.get("displayname") or kind.get("name", "")
            html.append(f"<p>Anlage: {escape(datei)}</p>")
        elif name in ("pardef", "picture", "objectref", ""):
            continue
        else:
            inhalt = _inline(kind)
            if inhalt.strip():
                html.append(f"<p>{inhalt}</p>")
    return html


def richtext_html(richtext):
    """Safe HTML for a ``<richtext>`` element: all text escaped, markup our own."""
    return "\n".join(_bloecke(richtext))


# Documents


def _anlage(item):
    """The file of a ``$FILE`` item; ``daten`` None if its base64 is broken."""
    obj = _kind(item, "object")
    datei = _kind(obj, "file") if obj is not None else None
    if datei is None:
        return None
    name = datei.get("name", "").replace("\\", "/").rsplit("/", 1)[-1]
    filedata = _kind(datei, "filedata")
    if filedata is None:
        return AnlageDaten(dateiname=name, daten=None)
    try:
        daten = base64.b64decode("".join((filedata.text or "").split()), validate=True)
    except binascii.Error:
        daten = None
    return AnlageDaten(dateiname=name, daten=daten)


def _zeit_von(el, name):
    """(ISO date, display) of ``<name><datetime>`` below ``el``, or None."""
    kind = _kind(el, name) if el is not None else None
    return _zeit(_wert(kind)) if kind is not None else None


def _verlauf(dokument):
    """The Notes history in words, and the creation date (ISO)."""
    noteinfo = _kind(dokument, "noteinfo")
    verlauf = []
    erstellt = _zeit_von(noteinfo, "created")
    if erstellt:
        verlauf.append(f"angelegt {erstellt[1]}")
    revisionen = _kind(dokument, "revisions")
    if revisionen is not None:
        zeiten = [_zeit(w) for w in _werte(revisionen)]
        if zeiten:
            verlauf.append(
                "überarbeitet " + ", ".join(z[1] if z else "?" for z in zeiten)
            )
    geaendert = _zeit_von(noteinfo, "modified")
    if geaendert:
        verlauf.append(f"zuletzt geändert {geaendert[1]}")
    bearbeiter = _kind(dokument, "updatedby")
    if bearbeiter is not None:
        namen = [_name(n.text) for n in _kinder(bearbeiter, "name") if n.text]
        if namen:
            verlauf.append("bearbeitet von " + ", ".join(namen))
    return verlauf, erstellt[0] if erstellt else ""


def _antrag(quelle, dokument):
    noteinfo = _kind(dokument, "noteinfo")
    satz = Datensatz(quelle=quelle)
    satz.notes_id = (noteinfo.get("unid", "") if noteinfo is not None else "").strip()
    satz.verlauf, satz.erstellt = _verlauf(dokument)
    html = []
    for name, item in _items(dokument):
        if name in TEXTFELDER:
            setattr(satz, TEXTFELDER[name], _wert(item))
        elif name in DATUMSFELDER:
            setattr(satz, DATUMSFELDER[name], _datum(item))
        elif name in VOTEN and _wert(item):
            satz.voten[VOTEN[name]] = _wert(item)
        elif name == "Begruendung":
            html += [richtext_html(r) for r in _kinder(item, "richtext")]
        elif name == "Personen":
            satz.personen += personen_lesen(_werte(item), satz.maengel)
        elif name == "$FILE":
            anlage = _anlage(item)
            if anlage is not None:
                satz.anlagen.append(anlage)
    satz.antragsteller = _name(satz.antragsteller)
    satz.begruendung_html = "\n".join(h for h in html if h)
    if not satz.notes_id:
        satz.maengel.append("UNID fehlt (<noteinfo unid=…>)")
    return satz


def _person(dokument):
    werte = {name: _wert(item) for name, item in _items(dokument)}
    person = PersonDaten(
        nachname=werte.get("Name", ""),
        vorname=werte.get("Vorname", ""),
        email=werte.get("EMail", ""),
    )
    return werte.get("$REF", ""), person


def _personen(pfad):
    """First pass: the Person documents, by the UNID of their Antrag."""
    personen = {}
    for quelle, dokument in _dokumente(pfad):
        if dokument.get("form") == "Person":
            ref, person = _person(dokument)
            personen.setdefault(ref, []).append((quelle, person))
    return personen


def dxl_datensaetze(pfad):
    """Yield one Datensatz per Antrag document of the DXL file ``pfad``.

    Raises DateiFehler (line, column) if the file is not well-formed XML.
    """
    personen = _personen(pfad)
    for quelle, dokument in _dokumente(pfad):
        if dokument.get("form") != "Antrag":
            continue
        satz = _antrag(quelle, dokument)
        satz.personen += [person for _q, person in personen.pop(satz.notes_id, [])]
        yield satz
    for ref, liste in personen.items():
        for quelle, person in liste:
            yield Datensatz(
                quelle=quelle,
                form="Person",
                maengel=[
                    f"Person „{person.nachname}, {person.vorname}“ gehört zu keinem "
                    f"Antrag dieser Datei ($REF {ref or 'fehlt'})"
                ],
            )
