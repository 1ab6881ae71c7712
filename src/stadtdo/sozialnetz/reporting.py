"""The report over the catalogue (domain.md §6): counts by department,
platform and state, the active accounts, and the open Anträge with their
votes. Computed from catalog metadata only, so it stays fast with 10,000
Anträge, and from a catalog search as the caller, so it only contains what
the caller may see.
"""

from collections import Counter
from plone import api
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.gremien import GREMIEN
from stadtdo.sozialnetz.verlauf import STATUS
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


OFFEN = ("genehmigung_fbl", "stellungnahme_agentur", "beteiligung")


def _check_filters(datenbank, fachbereich, plattform, status):
    if fachbereich:
        folder = datenbank.get(fachbereich)
        if folder is None or folder.portal_type != "Fachbereich":
            raise AktionAbgelehnt(
                f"Unbekannter Fachbereich „{fachbereich}“.", field="fachbereich"
            )
    if plattform:
        vocabulary = getUtility(IVocabularyFactory, "stadtdo.sozialnetz.Plattformen")(
            datenbank
        )
        if plattform not in vocabulary:
            raise AktionAbgelehnt(
                f"Unbekannte Plattform „{plattform}“. Erlaubt sind: "
                + ", ".join(term.value for term in vocabulary),
                field="plattform",
            )
    if status and status not in STATUS:
        raise AktionAbgelehnt(
            f"Unbekannter Status „{status}“. Erlaubt sind: {', '.join(STATUS)}.",
            field="status",
        )


def brains(datenbank, *, fachbereich=None, plattform=None, status=None):
    """Catalog brains of the Anträge the current user may see, filtered."""
    _check_filters(datenbank, fachbereich, plattform, status)
    query = {
        "portal_type": "Antrag",
        "path": "/".join(datenbank.getPhysicalPath()),
        "sort_on": "antragsnummer",
    }
    if fachbereich:
        query["fachbereich"] = fachbereich
    if plattform:
        query["plattform"] = plattform
    if status:
        query["review_state"] = status
    return api.portal.get_tool("portal_catalog")(**query)


def zeile(brain):
    """One Antrag as a flat record (metadata only)."""
    voten = brain.voten or {}
    return {
        "@id": brain.getURL(),
        "antragsnummer": brain.antragsnummer,
        "fachbereich": brain.fachbereich,
        "fachbereich_titel": brain.fachbereich_titel,
        "plattform": brain.plattform,
        "plattform_titel": brain.plattform_titel,
        "konto": brain.kontoname,
        "url": brain.konto_url,
        "status": brain.review_state,
        "antragsart": brain.antragsart,
        "genehmigt_am": brain.genehmigt_am,
        "personen": brain.personen_anzahl or 0,
        "voten": {g.id: voten.get(g.id, "offen") for g in GREMIEN},
    }


def report(datenbank, **filters):
    """The whole report as a dict (see module docstring)."""
    zeilen = [zeile(brain) for brain in brains(datenbank, **filters)]
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
                )
            }
            for z in zeilen
            if z["status"] in OFFEN
        ],
    }


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


def csv_zeilen(datenbank, **filters):
    """Header and one row per Antrag, for ``Accept: text/csv``."""
    yield list(CSV_SPALTEN) + [f"votum_{g.id}" for g in GREMIEN]
    for brain in brains(datenbank, **filters):
        z = zeile(brain)
        yield [z[key] if z[key] is not None else "" for key in CSV_SPALTEN] + [
            z["voten"][g.id] for g in GREMIEN
        ]
