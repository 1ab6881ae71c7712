"""Personal data are kept only for the period of the task (Anlage 1 Nr. 1,
DSGVO Art. 5 Abs. 1 lit. e).

A Person's task ends (``ende_und_grund``)

- on its end date (``taetigkeit_bis``; entered late: on the day of entry),
- when its consent is withdrawn (from the day that was recorded),
- when the account is closed (``eingestellt``),
- when the Antrag is rejected (``abgelehnt``) or sent back
  (``zurueckgewiesen``), from the decision,
- in an archived predecessor, when the approved re-application no longer
  names the Person (from the archiving); a Person carried over ends with
  its copy in the re-application.

Drafts that nobody touches end too (``datenschutz.entwuerfe``).

After the retention period of the control panel the Person's name and
e-mail are anonymised – in the item, in every version CMFEditions stored of
it, in every registered store of personal data (``datenschutz.speicher``:
what a store keeps on the Person and its versions, such as the link to a
user account, ``rechte.personendaten``; on the Antrag, such as the
Systemhaus orders), in the catalog, and wherever the name was
written in free text or comments of the Antrag and its versions
(``datenschutz.freitext``). Once every Person of a closed Antrag is
anonymised, its Anlagen (which may carry names) are deleted with their
versions. The anonymisation itself is logged on the Antrag
(``stand.Datenschutzstand.anonymisierungen``), without the name, and the
day on the Person (``stand.DatenschutzstandPerson.anonymisiert_am``). The old
values stay in the database file until it is packed (docs/verwaltung.rst,
"Löschfristen (Aufbewahrung)").

The daily job (``jobs.aufbewahrung``) anonymises each Person in its own
savepoint: one that fails is rolled back, logged and reported
(``art == "fehler"``); the others are still anonymised.
"""

from Acquisition import aq_parent
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.datenschutz import freitext
from stadtdo.sozialnetz.datenschutz import speicher
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren.einfrieren import freigeben
from stadtdo.sozialnetz.verfahren.erneut import nachkommen
from stadtdo.sozialnetz.verfahren.erneut import vorgaenger_kette
from stadtdo.sozialnetz.verfahren.verlauf import zustand_seit
import logging


logger = logging.getLogger("stadtdo.sozialnetz.retention")

ANONYM_NAME = "anonymisiert"
ANONYM_EMAIL = "anonymisiert@stadtdo.invalid"


GRUENDE = {
    "taetigkeit_bis": "Aufgabe beendet",
    "eingestellt": "Auftritt eingestellt",
    "abgelehnt": "Antrag abgelehnt",
    "zurueckgewiesen": "Antrag zurückgewiesen",
    "archiviert": "im genehmigten erneuten Antrag nicht mehr benannt",
    "einwilligung_widerrufen": "Einwilligung widerrufen",
}

#: states in which the Antrag ends the task of all its Persons
BEENDENDE_ZUSTAENDE = ("eingestellt", "abgelehnt", "zurueckgewiesen")

#: states of a re-application that archived its predecessor
ABGELOEST_DURCH = ("genehmigt", "archiviert", "eingestellt")


def _schluessel(person):
    email = (getattr(person, "email", None) or "").strip().lower()
    return email or (person.vorname, person.nachname)


def fortgefuehrt_in(person):
    """The copy of ``person`` in the approved re-application of its
    (archived) Antrag, or None if the re-application left the Person out."""
    antrag = aq_parent(person)
    schluessel = _schluessel(person)
    for neu in nachkommen(antrag):
        if neu.vorgaenger != api.content.get_uuid(antrag):
            continue
        if api.content.get_state(neu) not in ABGELOEST_DURCH:
            continue
        for kopie in neu.objectValues():
            if kopie.portal_type == "Person" and _schluessel(kopie) == schluessel:
                return kopie
    return None


def ende_und_grund(person, *, _tiefe=0):
    """``(day, reason key)`` from which the retention period of the Person's
    data runs, or ``(None, None)``. The earliest of all ends counts; an end
    the user entered counts from the day it was recorded at the earliest
    (``datenschutz.stichtage``)."""
    enden = []
    taetigkeit_bis = stichtage.taetigkeit_endet_fuer_fristen(person)
    if taetigkeit_bis:
        enden.append((taetigkeit_bis, "taetigkeit_bis"))
    widerrufen = stichtage.widerruf_fuer_fristen(person)
    if widerrufen:
        enden.append((widerrufen, "einwilligung_widerrufen"))
    antrag = aq_parent(person)
    state = api.content.get_state(antrag)
    if state in BEENDENDE_ZUSTAENDE:
        enden.append((zustand_seit(antrag, state) or date.today(), state))
    elif state == "archiviert":
        kopie = fortgefuehrt_in(person) if _tiefe < 50 else None
        if kopie is None:
            enden.append((zustand_seit(antrag, state) or date.today(), state))
        else:
            ende, grund = ende_und_grund(kopie, _tiefe=_tiefe + 1)
            if ende is not None:
                enden.append((ende, grund))
    return min(enden) if enden else (None, None)


def ende_der_aufgabe(person):
    """The day the Person's data stopped being needed, or None."""
    return ende_und_grund(person)[0]


def faellig(person, today):
    if IDatenschutzstandPerson(person).anonymisiert_am:
        return False
    ende = ende_der_aufgabe(person)
    return (
        ende is not None
        and ende + timedelta(days=einstellung("aufbewahrung_tage")) <= today
    )


def gespeicherte_versionen(obj):
    """The objects CMFEditions keeps for ``obj`` (the stored copies, not
    retrieved ones), digging into the ZVC storage as its own purge does."""
    history_id = api.portal.get_tool("portal_historyidhandler").queryUid(obj)
    storage = api.portal.get_tool("portal_historiesstorage")
    if history_id is None or not storage.isRegistered(history_id):
        return []
    zvc_repo = storage._getZVCRepo()
    result = []
    for selector in range(len(storage.getHistory(history_id, countPurged=True))):
        zvc_histid, zvc_selector = storage._getZVCAccessInfo(history_id, selector, True)
        if zvc_histid is None or zvc_selector is None:
            continue
        version = zvc_repo.getVersionHistory(zvc_histid).getVersionById(zvc_selector)
        # ZVCAwareWrapper -> ArchivistTool.ObjectData (or Removed, if purged)
        stored = getattr(version._data.getWrappedObject(), "object", None)
        if stored is not None:
            result.append(stored)
    return result


def versionen_loeschen(obj):
    """Purge every version CMFEditions stored of ``obj``; return how many."""
    history_id = api.portal.get_tool("portal_historyidhandler").queryUid(obj)
    storage = api.portal.get_tool("portal_historiesstorage")
    if history_id is None or not storage.isRegistered(history_id):
        return 0
    from Products.CMFEditions.interfaces.IStorage import StoragePurgeError

    geloescht = 0
    metadata = {"sys_metadata": {"comment": "Datenschutz: Version gelöscht"}}
    for selector in range(len(storage.getHistory(history_id, countPurged=True))):
        try:
            storage.purge(history_id, selector, metadata, countPurged=True)
        except StoragePurgeError:
            continue
        geloescht += 1
    return geloescht


def _scrub(obj):
    obj.nachname = ANONYM_NAME
    obj.vorname = ""
    obj.email = ANONYM_EMAIL
    for store in speicher.alle():  # e.g. the link to the account (rechte)
        store.person_anonymisieren(obj)


def namensmuster(person):
    """The pattern that finds ``person``'s name in free text."""
    return freitext.muster(
        vorname=person.vorname, nachname=person.nachname, email=person.email
    )


def _anlagen_loeschen(antrag):
    """Delete the Anlagen of a closed Antrag whose Persons are all anonymised."""
    if api.content.get_state(antrag) not in (*BEENDENDE_ZUSTAENDE, "archiviert"):
        return 0
    kinder = antrag.objectValues()
    if any(
        k.portal_type == "Person" and not IDatenschutzstandPerson(k).anonymisiert_am
        for k in kinder
    ):
        return 0
    anlagen = [k for k in kinder if k.portal_type == "Anlage"]
    with freigeben("Aufbewahrungsfrist: Anlagen löschen"):
        for anlage in anlagen:
            versionen_loeschen(anlage)
            antrag._delObject(anlage.getId())  # the job, not a user, deletes
    return len(anlagen)


def _antrag_schwaerzen(antrag, pattern, *, email=None):
    """Replace the name in ``antrag`` and its stored versions (and, with
    ``email``, in the registered stores of personal data, e.g. the Systemhaus
    orders); reindex it."""
    if email:
        for store in speicher.alle():
            store.anonymisieren(antrag, email=email, muster=pattern)
    freitext.schwaerzen(antrag, pattern)
    for stored in gespeicherte_versionen(antrag):
        freitext.schwaerzen(stored, pattern)
        stored._p_changed = True
    antrag.reindexObject()


def _verwandte_ohne(antrag, schluessel):
    """Predecessors and re-applications of ``antrag`` that do not name the
    Person (``schluessel``) as one of their own, not anonymised Persons: the
    free text copied into them must lose the name too; where the Person is
    still named, the mention is still needed."""
    result = []
    for verwandt in (*vorgaenger_kette(antrag), *nachkommen(antrag)):
        benannt = any(
            kind.portal_type == "Person"
            and not IDatenschutzstandPerson(kind).anonymisiert_am
            and _schluessel(kind) == schluessel
            for kind in verwandt.objectValues()
        )
        if not benannt:
            result.append(verwandt)
    return result


def anonymisieren(person, *, today=None, grund=None):
    """Anonymise ``person`` and all its stored versions, and its name in the
    free text and comments of its Antrag; log it on the Antrag."""
    today = today or date.today()
    email = person.email
    schluessel = _schluessel(person)
    pattern = namensmuster(person)
    versions = gespeicherte_versionen(person)
    for stored in versions:
        freitext.schwaerzen(stored, pattern)
        _scrub(stored)
        stored._p_changed = True
    freitext.schwaerzen(person, pattern)
    _scrub(person)
    IDatenschutzstandPerson(person).anonymisiert(today)
    person.reindexObject()

    antrag = aq_parent(person)
    _antrag_schwaerzen(antrag, pattern, email=email)
    for verwandt in _verwandte_ohne(antrag, schluessel):
        _antrag_schwaerzen(verwandt, pattern)

    eintrag = {
        "zeit": DateTime().ISO8601(),
        "person": person.getId(),
        "versionen": len(versions),
        "grund": "Aufbewahrungsfrist abgelaufen (Anlage 1 Nr. 1)"
        + (f": {GRUENDE[grund]}" if grund in GRUENDE else ""),
    }
    eintrag["anlagen_geloescht"] = _anlagen_loeschen(antrag)
    IDatenschutzstand(antrag).anonymisierung_vermerken(eintrag)
    logger.info(
        "%s/%s anonymisiert (%d Versionen)",
        antrag.antragsnummer,
        person.getId(),
        len(versions),
    )
    return eintrag


def zuruecksetzen(savepoint):
    """Roll back to ``savepoint``; a data manager that cannot (queued mail)
    keeps its part, the rest is undone."""
    try:
        savepoint.rollback()
    except Exception:
        logger.warning("Zurücksetzen nicht vollständig möglich", exc_info=True)


def fehler(job, error, *, antragsnummer="", pfad=""):
    """The summary entry of a failed item (without personal data)."""
    return {
        "art": "fehler",
        "job": job,
        "antragsnummer": antragsnummer or "",
        "pfad": pfad or "",
        "fehler": f"{type(error).__name__}: {error}"[:300],
    }
