"""Catalog indexers: what the overview and reports read without waking objects."""

from datetime import date
from plone.indexer import indexer
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.antrag import plattform_titel as _plattform_titel
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.datenschutz.ueberpruefung import offen_seit
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.interfaces import IMitteilungsstand
from stadtdo.sozialnetz.verfahren.frist import alle_faellig_seit
from stadtdo.sozialnetz.verfahren.frist import faellig_ab as _faellig_ab
from stadtdo.sozialnetz.verfahren.trennung import leitung_fehlt as _leitung_fehlt
from stadtdo.sozialnetz.verfahren.verantwortung import ist_markiert
from stadtdo.sozialnetz.verfahren.verantwortung import offene
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am as _genehmigt_am
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen
from stadtdo.sozialnetz.verfahren.workflow import ausgeschlossen as _ausgeschlossen
from stadtdo.sozialnetz.verfahren.workflow import NIEMAND
from stadtdo.sozialnetz.verfahren.workflow import wartet_auf as _wartet_auf


@indexer(IAntrag)
def fachbereich(obj):
    """The id of the Fachbereich folder (stable, used for filtering)."""
    folder = fachbereich_of(obj)
    return folder.getId() if folder is not None else None


@indexer(IAntrag)
def fachbereich_titel(obj):
    folder = fachbereich_of(obj)
    return folder.Title() if folder is not None else None


@indexer(IAntrag)
def plattform_titel(obj):
    return _plattform_titel(obj)


@indexer(IAntrag)
def voten(obj):
    """Current vote per body, for the overview's columns: ``{"poa": "ja", ...}``."""
    return {g.id: aktuelles_votum(obj, g.id)["votum"] for g in GREMIEN}


@indexer(IAntrag)
def rueckfragen_offen(obj):
    return offene_rueckfragen(obj)


@indexer(IAntrag)
def faellig_seit(obj):
    """``{gremium_id: ISO date}`` of the votes that are due, for the
    deadlines in the Übersicht (``verfahren.frist``)."""
    return alle_faellig_seit(obj)


@indexer(IAntrag)
def faellig_ab(obj):
    """ISO date since which the earliest vote still due is due (index for
    the filter „überfällig“: its deadline is the earliest one)."""
    return _faellig_ab(obj)


@indexer(IAntrag)
def wartet_auf(obj):
    """``<department>:<role>`` of every role with a step due (index of
    „Meine Aufgaben“, ``verfahren.workflow.wartet_auf``)."""
    folder = fachbereich_of(obj)
    return _wartet_auf(obj, folder.getId()) if folder is not None else []


@indexer(IAntrag)
def ausgeschlossen(obj):
    """User ids refused every step due now (``verfahren.workflow.ausgeschlossen``;
    „Meine Aufgaben“ asks ``{"not": userid}``)."""
    return _ausgeschlossen(obj) or [NIEMAND]


@indexer(IAntrag)
def searchable_text(obj):
    """Antragsnummer, platform, account, URL and department are searchable."""
    parts = [
        obj.antragsnummer,
        _plattform_titel(obj),
        obj.kontoname,
        str(obj.url or ""),
        obj.fachbereich,
    ]
    return " ".join(part for part in parts if part)


@indexer(IAntrag)
def genehmigt_am(obj):
    """ISO date of the approval (or None)."""
    am = _genehmigt_am(obj)
    return am.isoformat() if am else None


@indexer(IAntrag)
def personen_anzahl(obj):
    return len([o for o in obj.objectValues() if o.portal_type == "Person"])


@indexer(IAntrag)
def konto_url(obj):
    """The account's address for register, report and lists: web addresses
    only (``content.weblink``)."""
    return web_adresse(obj.url)


@indexer(IAntrag)
def aenderung_beantragt(obj):
    """Antragsnummer of the pending re-application („Änderung beantragt“),
    kept up to date by ``subscribers.workflow.predecessor_rule`` (an indexer
    must not search the catalog: that would index reentrantly)."""
    return getattr(obj, "aenderung_beantragt_durch", None)


@indexer(IAntrag)
def personen_enden(obj):
    """Per named (not anonymised) Person the ISO day its task ends — its end
    date or the withdrawal of its consent, whichever comes first — or "" if
    open. The report counts the active persons of an account from it on the
    day it is asked (``reporting.aktive_personen``). No catalog search here:
    an indexer must not search the catalog. A Person flagged „Verantwortung
    klären“ (left the department, user deleted) ends on the day of the flag."""
    ausgeschieden = {}
    for eintrag in offene(obj):
        tag = date.fromisoformat(eintrag["datum"])
        vorher = ausgeschieden.get(eintrag["person"])
        ausgeschieden[eintrag["person"]] = min(tag, vorher) if vorher else tag
    enden = []
    for person in obj.objectValues():
        if person.portal_type != "Person":
            continue
        stand = IDatenschutzstandPerson(person)
        if stand.anonymisiert_am:
            continue
        tage = [
            tag
            for tag in (
                getattr(person, "taetigkeit_bis", None),
                stand.einwilligung_widerrufen_am,
                ausgeschieden.get(person.getId()),
            )
            if tag
        ]
        enden.append(min(tage).isoformat() if tage else "")
    return tuple(enden)


@indexer(IAntrag)
def verantwortung_klaeren(obj):
    """True if the approved Antrag carries „Verantwortung klären“
    (``verfahren.verantwortung``): index for the Übersicht's filter, column
    for its badge and the report's warning."""
    return ist_markiert(obj)


@indexer(IAntrag)
def leitung_fehlt(obj):
    """True while the Antrag waits for the head of a department without a
    head or deputy with a mail address (``verfahren.trennung.leitung_fehlt``):
    column for the Übersicht's „Leitung fehlt“ and StA 11's tasks."""
    return _leitung_fehlt(obj)


@indexer(IAntrag)
def ueberpruefung_offen_seit(obj):
    """ISO day from which the open yearly review (DV § 2) is to be answered,
    or None (``datenschutz.ueberpruefung``): column for „Überprüfung
    überfällig“ in the Übersicht, the report and the daily job."""
    seit = offen_seit(obj)
    return seit.isoformat() if seit else None


@indexer(IAntrag)
def systemhaus_offen(obj):
    """The orders to the Systemhaus not yet confirmed, as ``(art, zeit)``
    (``notifications.systemhaus``): column for the report."""
    return tuple(
        (a.get("art") or "freischaltung", a["zeit"])
        for a in IMitteilungsstand(obj).offene_auftraege()
    )
