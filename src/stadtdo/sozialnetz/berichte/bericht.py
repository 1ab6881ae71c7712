"""The report over the catalogue (domain.md §6): counts by department,
platform and state, the active accounts, and the open Anträge with their
votes. Computed from catalog metadata only, so it stays fast with 10,000
Anträge, and from a catalog search as the caller, so it only contains what
the caller may see.
"""

from collections import Counter
from datetime import date
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.datenschutz import ueberpruefung
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.verfahren import frist
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.frist import fristlaengen
from stadtdo.sozialnetz.verfahren.verlauf import STATUS
from stadtdo.sozialnetz.verfahren.voten import angezeigt
from stadtdo.sozialnetz.verfahren.voten import OFFEN
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import re


#: Filters of the Übersicht, its CSV and the report; validated alike.
FILTER = ("fachbereich", "plattform", "status")

#: Columns the Übersicht can be sorted by (catalog indexes).
SORTIERBAR = ("antragsnummer", "fachbereich", "plattform", "review_state", "modified")


def _t(message, **mapping):
    """The message translated for the request of the thread."""
    return translate(_(message, mapping=mapping), context=api.env.getRequest())


def filter_pruefen(datenbank, *, fachbereich=None, plattform=None, status=None):
    """Raise ``AktionAbgelehnt`` (German, naming the field) for a filter value
    that names no department, platform or state."""
    if fachbereich:
        folder = datenbank.get(fachbereich) if isinstance(fachbereich, str) else None
        if folder is None or folder.portal_type != "Fachbereich":
            raise AktionAbgelehnt(
                _t(
                    _("Unbekannter Fachbereich „${fachbereich}“."),
                    fachbereich=str(fachbereich),
                ),
                field="fachbereich",
            )
    if plattform:
        vocabulary = getUtility(IVocabularyFactory, "stadtdo.sozialnetz.Plattformen")(
            datenbank
        )
        if not isinstance(plattform, str) or plattform not in vocabulary:
            raise AktionAbgelehnt(
                _t(
                    _("Unbekannte Plattform „${plattform}“. Erlaubt sind: ${erlaubt}"),
                    plattform=str(plattform),
                    erlaubt=", ".join(term.value for term in vocabulary),
                ),
                field="plattform",
            )
    if status and status not in STATUS:
        raise AktionAbgelehnt(
            _t(
                _("Unbekannter Status „${status}“. Erlaubt sind: ${erlaubt}."),
                status=str(status),
                erlaubt=", ".join(STATUS),
            ),
            field="status",
        )


def volltext(text):
    """A catalog full-text query from user input: words as prefixes, joined
    by AND; quotes, brackets and operators are dropped, so no input can make
    the query parser fail."""
    woerter = re.findall(r"\w+", text or "")
    woerter = [w for w in woerter if w.lower() not in ("and", "or", "not")][:10]
    return " AND ".join(f"{wort[:50]}*" for wort in woerter) or None


def brains(
    datenbank,
    *,
    fachbereich=None,
    plattform=None,
    status=None,
    text=None,
    verantwortung=False,
    sort_on="antragsnummer",
    sort_order="ascending",
    wartet_auf=None,
    ausser_fuer=None,
    ueberfaellig_am=None,
    b_start=None,
    b_size=None,
):
    """Catalog brains of the Anträge the current user may see, filtered;
    ``verantwortung``: only those flagged „Verantwortung klären“.

    The one query of the Übersicht, its CSV export and the report.
    ``wartet_auf``: only Anträge waiting on one of these index values
    (``Aufgaben.schluessel``, „Meine Aufgaben“), without those that the
    user ``ausser_fuer`` may not act on (index ``ausgeschlossen``); ``ueberfaellig_am``: only those
    with a vote or the head's approval past its deadline on this day (a
    date, „überfällig“: ``frist.ueberfaellig_abfrage``, then
    ``frist.ueberfaellige`` – a list then, not batched by the catalog);
    ``b_start``/``b_size``: the catalog sorts only as far as the page needs.
    """
    filter_pruefen(
        datenbank, fachbereich=fachbereich, plattform=plattform, status=status
    )
    query = {
        "portal_type": "Antrag",
        "path": "/".join(datenbank.getPhysicalPath()),
        "sort_on": sort_on if sort_on in SORTIERBAR else "antragsnummer",
        "sort_order": "descending" if sort_order == "descending" else "ascending",
    }
    if fachbereich:
        query["fachbereich"] = fachbereich
    if plattform:
        query["plattform"] = plattform
    if status:
        query["review_state"] = status
    if wartet_auf is not None:
        if not wartet_auf:
            return []
        query["wartet_auf"] = list(wartet_auf)
        if ausser_fuer:
            query["ausgeschlossen"] = {"not": [ausser_fuer]}
    if ueberfaellig_am is not None:
        query.update(frist.ueberfaellig_abfrage(ueberfaellig_am))
    elif b_size is not None:
        query.update(b_start=b_start or 0, b_size=b_size)
    if verantwortung:
        query["verantwortung_klaeren"] = True
    suchtext = volltext(text)
    if suchtext:
        query["SearchableText"] = suchtext
    ergebnis = api.portal.get_tool("portal_catalog")(**query)
    if ueberfaellig_am is not None:
        return frist.ueberfaellige(ergebnis, ueberfaellig_am)
    return ergebnis


#: An approved account needs at least two responsible persons (deputy
#: arrangement, DV § 6): fewer gives this warning.
WENIGER_ALS_ZWEI = "weniger_als_zwei_personen"


def aktive_personen(brain, heute=None):
    """How many named Persons of the Antrag still have their task on
    ``heute`` (catalog metadata ``personen_enden``)."""
    heute = (heute or date.today()).isoformat()
    enden = getattr(brain, "personen_enden", None)
    if enden is None:  # not yet indexed: every named Person counts
        return brain.personen_anzahl or 0
    return len([ende for ende in enden if not ende or ende > heute])


#: An approved account one of whose responsible persons left (offboarding,
#: ``verfahren.verantwortung``) gives this warning.
VERANTWORTUNG_KLAEREN = "verantwortung_klaeren"

#: An Antrag waiting for the head of a department without a head or deputy
#: with a mail address (``rechte.leitung.leitung_erreichbar``, metadata
#: ``leitung_fehlt``) gives this warning; StA 11 has it in „Meine Aufgaben“.
LEITUNG_FEHLT = "leitung_fehlt"


#: An approved account whose yearly review (DV § 2) was not answered in
#: time (``datenschutz.ueberpruefung``) gives this warning.
UEBERPRUEFUNG_UEBERFAELLIG = "ueberpruefung_ueberfaellig"


def warnungen(brain, heute=None):
    """Warnings of an Antrag: waiting for its head, ``leitung_fehlt``; of an
    approved account ``weniger_als_zwei_personen``, ``verantwortung_klaeren``,
    ``ueberpruefung_ueberfaellig``."""
    if getattr(brain, "leitung_fehlt", None) is True:
        return [LEITUNG_FEHLT]
    if brain.review_state != "genehmigt":
        return []
    result = []
    if aktive_personen(brain, heute) < 2:
        result.append(WENIGER_ALS_ZWEI)
    if getattr(brain, "verantwortung_klaeren", None) is True:
        result.append(VERANTWORTUNG_KLAEREN)
    if ueberpruefung.ist_ueberfaellig(brain, heute):
        result.append(UEBERPRUEFUNG_UEBERFAELLIG)
    return result


def zeile(brain, *, laengen=None):
    """One Antrag as a flat record (metadata only): the one row builder of
    the Übersicht, its CSV export and the report. ``laengen``: the working
    days per step (``frist.fristlaengen``, read from the settings if not
    given). ``fristen`` has the bodies' votes and ``fbl``, the head's step."""
    voten = brain.voten or {}
    fristen = frist.fristen(brain, laengen=laengen)
    offen = [f for f in fristen.values() if f is not None]
    hinweise = warnungen(brain)
    beendet = workflow.beendet(brain.review_state)
    return {
        "@id": brain.getURL(),
        "antragsnummer": brain.antragsnummer,
        "fachbereich": brain.fachbereich,
        "fachbereich_titel": brain.fachbereich_titel,
        "plattform": brain.plattform,
        "plattform_titel": brain.plattform_titel,
        "konto": brain.kontoname,
        "url": web_adresse(brain.konto_url),
        "status": brain.review_state,
        "antragsart": brain.antragsart,
        "genehmigt_am": brain.genehmigt_am,
        "personen": brain.personen_anzahl or 0,
        # the votes as recorded; as shown (``kein_votum`` once the process has
        # ended): ``anzeige``
        "voten": {g.id: voten.get(g.id, OFFEN) for g in GREMIEN},
        "beendet": beendet,
        "rueckfragen_offen": list(brain.rueckfragen_offen or ()),
        "fristen": {g: f.isoformat() if f else None for g, f in fristen.items()},
        "naechste_frist": min(offen).isoformat() if offen else None,
        "aenderung_beantragt": brain.aenderung_beantragt,
        "aktive_personen": aktive_personen(brain),
        "warnungen": hinweise,
        "verantwortung_klaeren": VERANTWORTUNG_KLAEREN in hinweise,
        "leitung_fehlt": LEITUNG_FEHLT in hinweise,
        "ueberpruefung_ueberfaellig": UEBERPRUEFUNG_UEBERFAELLIG in hinweise,
        "geaendert": brain.modified,
    }


#: The earliest deadline and „überfällig“ of a row's Antrag: the rule of
#: ``verfahren.frist``, asked with the brain (metadata ``faellig_seit``).
naechste_frist = frist.naechste_frist
ueberfaellig = frist.ist_ueberfaellig


def report(datenbank, **filters):
    """The whole report as a dict (see module docstring)."""
    laengen = fristlaengen()
    gefunden = list(brains(datenbank, **filters))
    zeilen = [zeile(brain, laengen=laengen) for brain in gefunden]
    offen = workflow.offene_zustaende()
    counts = Counter((z["fachbereich"], z["plattform"], z["status"]) for z in zeilen)
    titel = {z["fachbereich"]: z["fachbereich_titel"] for z in zeilen}
    return {
        "filter": {key: value for key, value in filters.items() if value},
        "anzahl_gesamt": len(zeilen),
        "anzahl": [
            {
                "fachbereich": fb,
                "fachbereich_titel": titel[fb],
                "plattform": plattform,
                "status": status,
                "anzahl": anzahl,
            }
            for (fb, plattform, status), anzahl in sorted(counts.items())
        ],
        "aktive_konten": [
            {
                key: z[key]
                for key in (
                    "@id",
                    "antragsnummer",
                    "fachbereich",
                    "fachbereich_titel",
                    "plattform",
                    "plattform_titel",
                    "konto",
                    "url",
                    "genehmigt_am",
                    "personen",
                    "aktive_personen",
                    "warnungen",
                    "aenderung_beantragt",
                )
            }
            for z in zeilen
            if z["status"] == "genehmigt"
        ],
        "offene_antraege": [
            {
                key: z[key]
                for key in (
                    "@id",
                    "antragsnummer",
                    "fachbereich",
                    "plattform",
                    "konto",
                    "status",
                    "voten",
                    "fristen",
                    "warnungen",
                )
            }
            for z in zeilen
            if z["status"] in offen
        ],
        "systemhaus_offen": systemhaus_offen(gefunden),
    }


def systemhaus_offen(gefundene):
    """The Anträge with orders to the Systemhaus not yet confirmed
    (``notifications.systemhaus``, column ``systemhaus_offen``): per Antrag
    its open orders (``art``: freischaltung or sperrung, ``seit``: sent at)."""
    return [
        {
            "@id": brain.getURL(),
            "antragsnummer": brain.antragsnummer,
            "auftraege": [{"art": art, "seit": zeit} for art, zeit in offen],
        }
        for brain in gefundene
        if (offen := getattr(brain, "systemhaus_offen", None) or ())
    ]


CSV_SPALTEN = (
    "antragsnummer",
    "fachbereich",
    "fachbereich_titel",
    "plattform",
    "plattform_titel",
    "konto",
    "url",
    "status",
    "antragsart",
    "genehmigt_am",
    "personen",
)


def anzeige(z, gremium_id):
    """The vote of ``gremium_id`` in the row ``z`` as shown: ``kein_votum``
    for a body that gave none once the process has ended (``angezeigt``)."""
    return angezeigt(z["voten"][gremium_id], beendet=z["beendet"])


def csv_zeilen(datenbank, **filters):
    """Header and one row per Antrag, for ``Accept: text/csv``."""
    yield list(CSV_SPALTEN) + [f"votum_{g.id}" for g in GREMIEN] + ["warnungen"]
    for brain in brains(datenbank, **filters):
        z = zeile(brain)
        yield (
            [csv_zelle(z[key]) for key in CSV_SPALTEN]
            + [anzeige(z, g.id) for g in GREMIEN]
            + [" ".join(z["warnungen"])]
        )


#: A cell starting with one of these is a formula in Excel or LibreOffice.
FORMEL_ANFAENGE = ("=", "+", "-", "@", "\t", "\r")


def csv_zelle(value):
    """A value for a CSV cell: None as empty, and text that a spreadsheet
    would run as a formula prefixed with an apostrophe (OWASP „CSV
    injection“), so it is shown as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMEL_ANFAENGE):
        return "'" + value
    return value
