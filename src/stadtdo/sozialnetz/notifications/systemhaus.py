"""The orders to Dortmunder Systemhaus (DV § 4), both ways.

- Unlocking (``freischaltung``): on approval, the POA orders the personal
  unlocking of the platform's web pages for the named users who need it
  (``internetfreischaltung``).
- Revocation (``sperrung``): whenever the access of such a Person must end,
  the POA orders it locked again, naming exactly those Persons: the task
  ended, the portal user was deleted or left the department's groups (all
  three through ``verfahren.verantwortung.markieren``, event
  ``VerantwortungKlaeren``), consent was withdrawn (``EinwilligungWiderrufen``),
  the Person was left out of the approved re-application (the predecessor
  is archived) or the account was closed (``einstellen``). Only Persons of
  an Antrag whose unlocking was ordered; never twice for the same Person of
  the same Antrag (the first reason is named).

Every order is mailed on behalf of the POA (Reply-To: the POA), carries the
one-time link with which the Systemhaus confirms it (``bestaetigung``) and is
recorded on the Antrag (``stand.Mitteilungsstand.systemhaus_auftraege``), so
the record shows when it went out, to whom, for whom and when it was
confirmed. Unconfirmed orders are reminded and escalated by the daily job
``systemhaus`` (``jobs.systemhaus``).
"""

from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.content.antrag import plattform_titel
from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.notifications import bestaetigung
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.rechte.konten import verknuepft_mit
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import erneut
from stadtdo.sozialnetz.verfahren import workflow
import logging
import uuid


logger = logging.getLogger("stadtdo.sozialnetz.notifications")

FUNKTIONEN = "stadtdo.sozialnetz.Funktionen"

FREISCHALTUNG = "freischaltung"
SPERRUNG = "sperrung"

#: the reasons of a revocation (besides those of ``verfahren.verantwortung``)
EINWILLIGUNG_WIDERRUFEN = "einwilligung_widerrufen"
NICHT_MEHR_BENANNT = "nicht_mehr_benannt"
KONTO_EINGESTELLT = "konto_eingestellt"

#: reason -> the German line of the revocation order (no date: the order's own)
GRUENDE = {
    "aufgabe_beendet": "Aufgabe beendet",
    "benutzer_geloescht": "aus der Stadtverwaltung ausgeschieden (Benutzerkonto entfernt)",
    "gruppe_verlassen": "gehört dem Fachbereich nicht mehr an",
    EINWILLIGUNG_WIDERRUFEN: "Einwilligung widerrufen",
    NICHT_MEHR_BENANNT: "im genehmigten erneuten Antrag nicht mehr benannt",
    KONTO_EINGESTELLT: "Auftritt eingestellt",
}

#: art -> the German name of an order
ARTEN = {FREISCHALTUNG: "Freischaltung", SPERRUNG: "Sperrung"}


def art(auftrag):
    """``freischaltung`` or ``sperrung`` (orders before 1008: unlocking)."""
    return auftrag.get("art") or FREISCHALTUNG


def freizuschaltende_personen(antrag):
    return [
        obj
        for obj in antrag.objectValues()
        if obj.portal_type == "Person" and obj.internetfreischaltung
    ]


def _name(person):
    return f"{person.nachname}, {person.vorname} <{person.email}>"


def _zeile(person):
    funktion = term_title(FUNKTIONEN, person.funktion)
    return f"  - {person.nachname}, {person.vorname}, {person.email} ({funktion})"


def _record(antrag, **entry):
    entry.setdefault("zeit", DateTime().ISO8601())
    return IMitteilungsstand(antrag).auftrag_vermerken(PersistentMapping(entry))


def _link_text(antrag, auftrag_id):
    tage = einstellung("systemhaus_link_tage")
    return (
        "Bitte bestätigen Sie die Erledigung über diesen Link (ohne Anmeldung, "
        f"einmalig, {tage} Tage gültig):\n"
        f"{bestaetigung.link(antrag, auftrag_id)}\n"
    )


def _versenden(
    antrag,
    art_,
    personen,
    einleitung,
    ueberschrift,
    *,
    dry_run=False,
    zusatz=None,
    **extra,
):
    """Mail one order of ``art_`` for ``personen`` and record it (unless
    ``dry_run``); return its entry of the daily job's summary. ``zusatz``:
    Person id -> what follows the Person's line (the reason)."""
    auftrag_id = uuid.uuid4().hex
    namen = [_name(p) for p in personen]
    ids = [p.getId() for p in personen]
    adresse = einstellung("adresse_systemhaus")
    poa = gremium_emails("poa")
    zusatz = zusatz or {}
    liste = "\n".join(
        _zeile(p) + (f": {zusatz[p.getId()]}" if p.getId() in zusatz else "")
        for p in personen
    )
    anhang = (
        f"{ueberschrift}:\n{liste}\n\n"
        + _link_text(antrag, auftrag_id)
        + "\nRückfragen bitte an das Personal- und Organisationsamt"
        + (f": {poa[0]}" if poa else "")
        + ".\n"
    )
    betreff_ = betreff(antrag, f"Auftrag zur {ARTEN[art_]}")
    body = text(antrag, einleitung, zusatz=anhang)
    mail = {
        "art": f"systemhaus_{art_}",
        "antragsnummer": antrag.antragsnummer,
        "empfaenger": [adresse] if adresse else [],
        "betreff": betreff_,
        "text": body,
    }
    if dry_run:
        return mail
    if not adresse:
        logger.warning(
            "Keine Adresse des Systemhauses konfiguriert: Auftrag für %s nicht gesendet",
            antrag.antragsnummer,
        )
        _record(
            antrag,
            id=auftrag_id,
            art=art_,
            empfaenger=[],
            personen=namen,
            person_ids=ids,
            hinweis="Nicht gesendet: keine Adresse des Systemhauses konfiguriert.",
            bestaetigt_am=None,
            erinnert_am=None,
            eskaliert_am=None,
            **extra,
        )
        return mail
    sent = send([adresse], betreff_, body, reply_to=poa[0] if poa else None)
    mail["empfaenger"] = sent
    _record(
        antrag,
        id=auftrag_id,
        art=art_,
        empfaenger=sent,
        personen=namen,
        person_ids=ids,
        hinweis="Im Auftrag des POA gesendet." if sent else "Senden fehlgeschlagen.",
        bestaetigt_am=None,
        erinnert_am=None,
        eskaliert_am=None,
        **extra,
    )
    antrag.reindexObject(idxs=["getId"])  # the column systemhaus_offen
    return mail


def systemhaus_beauftragen(antrag):
    """Mail the unlocking order (if anybody needs unlocking) and record it
    on the Antrag."""
    personen = freizuschaltende_personen(antrag)
    if not personen:
        return _record(
            antrag,
            art=FREISCHALTUNG,
            empfaenger=[],
            personen=[],
            hinweis="Keine Freischaltung erforderlich.",
        )
    _versenden(
        antrag,
        FREISCHALTUNG,
        personen,
        "im Auftrag des Personal- und Organisationsamts bitten wir um die "
        f"personenbezogene Entsperrung der Internetseiten von {plattform_titel(antrag)} "
        "für die folgenden Beschäftigten (DV § 4). Eventuell entstehende Kosten trägt "
        f"der Fachbereich {antrag.fachbereich}.",
        "Freizuschaltende Personen",
    )
    return IMitteilungsstand(antrag).systemhaus_auftraege[-1]


# Revocation


def _freischaltung_beauftragt(antrag):
    return any(
        art(a) == FREISCHALTUNG and a.get("personen")
        for a in IMitteilungsstand(antrag).systemhaus_auftraege
    )


def gesperrte_personen(antrag):
    """Ids of the Persons of ``antrag`` whose revocation was ordered."""
    return {
        pid
        for a in IMitteilungsstand(antrag).systemhaus_auftraege
        if art(a) == SPERRUNG
        for pid in a.get("person_ids", ())
    }


def zu_sperren(antrag, ausloeser):
    """``(person, reason)`` of ``ausloeser`` whose revocation is due: the
    Person needed unlocking, it was ordered for the Antrag, the Person is
    not anonymised and not ordered locked before (first reason wins)."""
    if not _freischaltung_beauftragt(antrag):
        return []
    schon = gesperrte_personen(antrag)
    result = []
    for person, grund in ausloeser:
        if not person.internetfreischaltung or person.getId() in schon:
            continue
        if IDatenschutzstandPerson(person).anonymisiert_am:
            continue
        schon.add(person.getId())
        result.append((person, grund))
    return result


def sperren(antrag, ausloeser, *, dry_run=False):
    """Order the revocation for the Persons of ``ausloeser`` (list of
    ``(person, reason)``) that is due (:func:`zu_sperren`); one order per
    call listing exactly them. Returns the entry of the daily job's
    summary, or None if nobody is to be locked."""
    faellig = zu_sperren(antrag, ausloeser)
    if not faellig:
        return None
    personen = [p for p, _g in faellig]
    gruende = {p.getId(): g for p, g in faellig}
    ueberschrift = "Zu sperrende Personen (Grund)"
    mail = _versenden(
        antrag,
        SPERRUNG,
        personen,
        "im Auftrag des Personal- und Organisationsamts bitten wir, die "
        f"personenbezogene Entsperrung der Internetseiten von {plattform_titel(antrag)} "
        "für die folgenden Beschäftigten aufzuheben (DV § 4): ihr Zugang endet.",
        ueberschrift,
        dry_run=dry_run,
        zusatz={pid: GRUENDE[g] for pid, g in gruende.items()},
        gruende=PersistentMapping(gruende),
    )
    logger.info(
        "%s: Sperrauftrag an das Systemhaus (%s)%s",
        antrag.antragsnummer,
        ", ".join(f"{p.getId()}: {g}" for p, g in faellig),
        " (Vorschau)" if dry_run else "",
    )
    return mail


# The triggers of a revocation (subscribers)


def verantwortung_klaeren(antrag, event):
    """``VerantwortungKlaeren``: the task ended, the user was deleted or
    left the department's groups – their access ends. The order (or, in
    the preview, what it would be) goes to ``event.weitere``."""
    mail = sperren(antrag, [(p, g) for p, g, _t in event.neu], dry_run=event.dry_run)
    if mail is not None:
        event.weitere.append(mail)


def einwilligung_widerrufen(person, event):
    """``EinwilligungWiderrufen``: the Person of an approved Antrag
    withdrew consent."""
    antrag = event.antrag
    if api.content.get_state(antrag, default=None) != "genehmigt":
        return
    sperren(antrag, [(person, EINWILLIGUNG_WIDERRUFEN)])


def _schluessel(person):
    return {k for k in (verknuepft_mit(person), (person.email or "").lower()) if k}


def zustand_verlassen(antrag, event):
    """The approved Antrag was closed (every Person who was unlocked is
    locked) or archived by its approved re-application (the Persons left
    out of it are locked)."""
    if event.transition is None or event.old_state.getId() != "genehmigt":
        return
    schritt = event.transition.getId()
    if schritt == "einstellen":
        sperren(
            antrag,
            [(p, KONTO_EINGESTELLT) for p in freizuschaltende_personen(antrag)],
        )
        return
    if schritt != workflow.ARCHIVIEREN:
        return
    nachfolger = next(
        (
            neu
            for neu in erneut.nachkommen(antrag)
            if api.content.get_state(neu, default=None) == "genehmigt"
        ),
        None,
    )
    if nachfolger is None:
        return
    bleiben = set()
    for obj in nachfolger.objectValues():
        if obj.portal_type == "Person":
            bleiben |= _schluessel(obj)
    sperren(
        antrag,
        [
            (p, NICHT_MEHR_BENANNT)
            for p in freizuschaltende_personen(antrag)
            if not (_schluessel(p) & bleiben)
        ],
    )
