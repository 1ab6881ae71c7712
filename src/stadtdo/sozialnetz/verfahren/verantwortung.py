"""Offboarding (issue 13): „Verantwortung klären“ on an approved Antrag.

A named Person of an approved (``genehmigt``) Antrag may stop being there
for the account. Three triggers flag the Antrag:

- ``aufgabe_beendet``: the Person's task ends (``taetigkeit_bis`` reached);
  found by the daily job (``jobs.verantwortung``) on the day, or at once when
  an end date in the past is entered;
- ``benutzer_geloescht``: the portal user linked to the Person is deleted
  (``rechte.mitgliedschaft.KontoEntfernt``, from PAS ``PrincipalDeleted``);
- ``gruppe_verlassen``: that user is removed from a group of the Antrag's
  department and belongs to none of them any more
  (``rechte.mitgliedschaft.FachbereichVerlassen``, from PAS
  ``PrincipalRemovedFromGroup``).

A Person is matched to a portal user by its link only (``rechte.konten``:
set by StA 11 or the directory), never by the account's e-mail address,
which its user can edit.

An end date entered late flags the Antrag on the day it is entered (at once,
or by the next daily job), not retroactively; the text states the end
entered (``datenschutz.stichtage``).

Each trigger is recorded once per Person and reason on the Antrag (annotation
``ANNOTATION_KEY``: Person id, reason, day – no name, so the anonymisation
after the retention period needs nothing here). The head and deputy of the
department (group ``<fb>-leitung``) are mailed once per Person
(``notifications.verantwortung``, off the event ``VerantwortungKlaeren``): a second
reason for the same Person (e.g. deleted and thereby out of the group, or the
job running twice) is recorded without another mail.

The flag is shown in the Antrag view, the Übersicht (badge and filter), its
CSV, ``@sozialnetz-report`` (``warnungen``: ``verantwortung_klaeren``) and
the January digest, from the catalog (index and column
``verantwortung_klaeren``).

The flag is cleared (entries marked ``erledigt``) when the Antrag leaves
``genehmigt``: when the re-application that replaces it („Verantwortung
übertragen“ or „Antrag erneut stellen“) is approved and it is archived, or
when the account is closed. A flag because a user left the department's
groups is also cleared when the user is added to one of them again (a
mistake undone). Nothing else clears it: an approved Antrag is frozen, so the
responsible persons can only be changed by a re-application.
"""

from DateTime import DateTime
from datetime import date
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.infrastruktur.speicher import annotation
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.rechte.konten import verknuepft_mit
from stadtdo.sozialnetz.verfahren.interfaces import VerantwortungKlaeren
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.i18n import translate
import logging


logger = logging.getLogger("stadtdo.sozialnetz.verantwortung")

ANNOTATION_KEY = "stadtdo.sozialnetz.verantwortung"

#: the warning in ``@sozialnetz-report`` and the Übersicht
WARNUNG = "verantwortung_klaeren"

AUFGABE_BEENDET = "aufgabe_beendet"
BENUTZER_GELOESCHT = "benutzer_geloescht"
GRUPPE_VERLASSEN = "gruppe_verlassen"

#: reason -> German text (``${datum}``: the day)
GRUENDE = {
    AUFGABE_BEENDET: _("Die Aufgabe endete am ${datum}."),
    BENUTZER_GELOESCHT: _(
        "Das Benutzerkonto wurde am ${datum} aus dem Portal entfernt."
    ),
    GRUPPE_VERLASSEN: _(
        "Die Person gehört seit dem ${datum} keiner Gruppe des Fachbereichs mehr an."
    ),
}


def _heute():
    return date.today()


def eintraege(antrag):
    """Every recorded trigger of ``antrag`` (also those cleared)."""
    return list(IAnnotations(antrag).get(ANNOTATION_KEY, ()))


def offene(antrag):
    """The triggers of ``antrag`` that are not cleared."""
    return [e for e in eintraege(antrag) if not e.get("erledigt")]


def ist_markiert(antrag):
    """True if the approved ``antrag`` carries „Verantwortung klären“."""
    return api.content.get_state(antrag, default=None) == "genehmigt" and bool(
        offene(antrag)
    )


def grund_text(eintrag, request=None):
    """The German reason of an entry, e.g. „Die Aufgabe endete am 01.03.2026.“"""
    tag = date.fromisoformat(eintrag["datum"])
    msgid = GRUENDE[eintrag["grund"]]
    message = _(msgid, mapping={"datum": f"{tag:%d.%m.%Y}"})
    if request is None:
        return translate(message, target_language="de")
    return translate(message, context=request)


def personen_name(antrag, person_id):
    """„Vorname Nachname“ of a Person of ``antrag`` (as it is now: after the
    retention period „anonymisiert“), or "" if it is gone."""
    person = antrag.get(person_id)
    if person is None or person.portal_type != "Person":
        return ""
    return " ".join(p for p in (person.vorname, person.nachname) if p)


def betroffene_personen(antrag):
    """Ids of the Persons with an open trigger, in order of recording."""
    result = []
    for eintrag in offene(antrag):
        if eintrag["person"] not in result:
            result.append(eintrag["person"])
    return result


def _speicher(antrag):
    return annotation(antrag, ANNOTATION_KEY, PersistentList)


def markieren(antrag, ausloeser, *, dry_run=False, alle=False):
    """Flag the approved ``antrag`` for the triggers ``ausloeser`` (list of
    ``(person, reason, day)``) and mail the head about the Persons not
    flagged before.

    A trigger already recorded (open) for the Person and reason is skipped.
    The mail is sent by the subscriber of ``VerantwortungKlaeren``
    (``notifications.verantwortung``). Returns it as an entry of the daily
    job's summary (``art == "verantwortung"``), or None if nothing new was
    flagged. ``dry_run`` computes the mail without recording or sending
    anything. ``alle``: return the list of every mail of the event (the
    head's and the Systemhaus's revocation order, ``event.weitere``), empty
    if nothing is new.
    """
    if api.content.get_state(antrag) != "genehmigt":
        return [] if alle else None
    bisher = offene(antrag)
    schon = {(e["person"], e["grund"]) for e in bisher}
    gemeldet = {e["person"] for e in bisher}
    neu, zu_melden = [], []
    for person, grund, tag in ausloeser:
        schluessel = (person.getId(), grund)
        if schluessel in schon:
            continue
        schon.add(schluessel)
        neu.append((person, grund, tag))
        if person.getId() not in gemeldet:
            gemeldet.add(person.getId())
            zu_melden.append((person, grund, tag))
    if not neu:
        return [] if alle else None
    mail = None
    weitere = []
    if zu_melden:
        # the mail to the head: notifications.verantwortung (and the
        # Systemhaus's revocation: notifications.systemhaus)
        ereignis = VerantwortungKlaeren(antrag, zu_melden, dry_run=dry_run)
        notify(ereignis)
        mail = ereignis.mitteilung
        weitere = ereignis.weitere
    ergebnis = [m for m in (mail, *weitere) if m] if alle else mail
    if dry_run:
        return ergebnis
    gesendet_an = list(mail["empfaenger"]) if mail else []
    speicher = _speicher(antrag)
    for person, grund, tag in neu:
        speicher.append(
            PersistentMapping(
                person=person.getId(),
                grund=grund,
                datum=tag.isoformat(),
                zeit=DateTime().ISO8601(),
                mitgeteilt=(gesendet_an if (person, grund, tag) in zu_melden else []),
                erledigt=None,
            )
        )
    antrag.reindexObject(idxs=["verantwortung_klaeren"])
    logger.info(
        "%s: Verantwortung klären (%s)",
        antrag.antragsnummer,
        ", ".join(f"{p.getId()}: {g}" for p, g, _t in neu),
    )
    return ergebnis


def erledigen(antrag, wie, *, nur=None):
    """Clear the open triggers of ``antrag`` (those matching ``nur(entry)``
    if given); ``wie`` says why. Returns how many were cleared."""
    anzahl = 0
    for eintrag in IAnnotations(antrag).get(ANNOTATION_KEY, ()):
        if eintrag.get("erledigt") or (nur is not None and not nur(eintrag)):
            continue
        eintrag["erledigt"] = PersistentMapping(
            datum=_heute().isoformat(), zeit=DateTime().ISO8601(), wie=wie
        )
        anzahl += 1
    if anzahl:
        antrag.reindexObject(idxs=["verantwortung_klaeren"])
    return anzahl


# Who is a named Person


def aktive_personen(antrag):
    """The Persons of ``antrag`` still named: not anonymised, consent not
    withdrawn (a withdrawal has its own notice, ``datenschutz.einwilligung``)."""
    result = []
    for obj in antrag.objectValues():
        if obj.portal_type != "Person":
            continue
        stand = IDatenschutzstandPerson(obj)
        if stand.anonymisiert_am or stand.einwilligung_widerrufen_am:
            continue
        result.append(obj)
    return result


def _genehmigte(pfad=None):
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "Antrag", "review_state": "genehmigt"}
    if pfad:
        query["path"] = pfad
    for brain in catalog.unrestrictedSearchResults(**query):
        yield brain._unrestrictedGetObject()


def personen_des_kontos(userid, *, pfad=None):
    """``(antrag, person)`` of every approved Antrag (under ``pfad``) that
    names a Person linked to the account ``userid`` whose task has not
    ended. Wakes the approved Anträge: called on the rare deletion or group
    change of a user."""
    if not userid:
        return []
    return [
        (antrag, person)
        for antrag in _genehmigte(pfad)
        for person in aktive_personen(antrag)
        if verknuepft_mit(person) == userid
    ]


# Trigger (a): the task ends


def beendete_aufgaben(antrag, heute):
    """``(person, reason, end day)`` of the Persons of ``antrag`` whose task
    ended on or before ``heute``."""
    return [
        (person, AUFGABE_BEENDET, person.taetigkeit_bis)
        for person in aktive_personen(antrag)
        if person.taetigkeit_bis and person.taetigkeit_bis <= heute
    ]


# Triggers (b) and (c): the portal user


def benutzer_geloescht(event):
    """``rechte.mitgliedschaft.KontoEntfernt``: flag the approved Anträge
    naming the user."""
    _flaggen(personen_des_kontos(event.userid), BENUTZER_GELOESCHT)


def fachbereich_verlassen(event):
    """``rechte.mitgliedschaft.FachbereichVerlassen``: a user who left every
    group of a department flags the approved Anträge of that department
    naming them."""
    pfad = "/".join(event.fachbereich.getPhysicalPath())
    _flaggen(personen_des_kontos(event.userid, pfad=pfad), GRUPPE_VERLASSEN)


def fachbereich_betreten(event):
    """``rechte.mitgliedschaft.FachbereichBetreten``: back in a group of the
    department, the flag „left the department“ of the user's Persons there
    is cleared."""
    pfad = "/".join(event.fachbereich.getPhysicalPath())
    for antrag, person in personen_des_kontos(event.userid, pfad=pfad):
        erledigen(antrag, "wieder_im_fachbereich", nur=_ausgetreten(person.getId()))


def _ausgetreten(person_id):
    """Matches the entries „left the department“ of one Person."""

    def nur(eintrag):
        return eintrag["person"] == person_id and eintrag["grund"] == GRUPPE_VERLASSEN

    return nur


def _flaggen(treffer, grund):
    heute = _heute()
    je_antrag = {}
    for antrag, person in treffer:
        je_antrag.setdefault(antrag, []).append((person, grund, heute))
    for antrag, ausloeser in je_antrag.items():
        markieren(antrag, ausloeser)


# Clearing


def zustand_verlassen(antrag, event):
    """The Antrag left ``genehmigt`` (archived by its approved
    re-application, or closed): its flag is cleared."""
    if event.transition is None or event.old_state.getId() != "genehmigt":
        return
    if event.new_state.getId() == "genehmigt":
        return
    erledigen(antrag, event.new_state.getId())
