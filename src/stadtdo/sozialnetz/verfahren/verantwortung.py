"""Offboarding (issue 13): „Verantwortung klären“ on an approved Antrag.

A named Person of an approved (``genehmigt``) Antrag may stop being there
for the account. Three triggers flag the Antrag:

- ``aufgabe_beendet``: the Person's task ends (``taetigkeit_bis`` reached);
  found by the daily job (``notifications.jobs``) on the day, or at once when
  an end date in the past is entered;
- ``benutzer_geloescht``: the portal user linked to the Person is deleted (PAS ``PrincipalDeleted``: ``plone.api.user.delete``,
  ``@users`` DELETE, the Users control panel all fire it);
- ``gruppe_verlassen``: that user is removed from a group of the Antrag's
  department and belongs to none of them any more (PAS
  ``PrincipalRemovedFromGroup``: the rights page and ``@rechte-mitglieder``
  of StA 11, ``@groups`` PATCH, the Groups control panel, acl_users).

A Person is matched to a portal user by its link only (``rechte.konten``:
set by StA 11 or the directory), never by the account's e-mail address,
which its user can edit.

An end date entered late flags the Antrag on the day it is entered (at once,
or by the next daily job), not retroactively; the text states the end
entered (``datenschutz.stichtage``).

Each trigger is recorded once per Person and reason on the Antrag (annotation
``ANNOTATION_KEY``: Person id, reason, day – no name, so the anonymisation
after the retention period needs nothing here). The head and deputy of the
department (group ``<fb>-leitung``) are mailed once per Person: a second
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
from plone.api.exc import CannotGetPortalError
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.rechte.gruppen import FACHBEREICH_GRUPPEN
from stadtdo.sozialnetz.rechte.konten import verknuepft_mit
from zope.annotation.interfaces import IAnnotations
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
    annotations = IAnnotations(antrag)
    speicher = annotations.get(ANNOTATION_KEY)
    if speicher is None:
        speicher = annotations[ANNOTATION_KEY] = PersistentList()
    return speicher


def _mail(antrag, neu):
    """Subject and text of the mail to the head for the newly flagged
    ``neu`` (list of (person, reason, day))."""
    zeilen = []
    for person, grund, tag in neu:
        funktion = term_title("stadtdo.sozialnetz.Funktionen", person.funktion)
        eintrag = {"grund": grund, "datum": tag.isoformat()}
        zeilen.append(
            f"  - {person.vorname} {person.nachname} ({funktion}, {person.email}): "
            f"{grund_text(eintrag)}"
        )
    einleitung = (
        "für einen genehmigten Social-Media-Auftritt Ihres Fachbereichs muss die "
        "Verantwortung geklärt werden: eine benannte verantwortliche Person nimmt "
        "die Aufgabe nicht mehr wahr.\n\n" + "\n".join(zeilen)
    )
    zusatz = (
        "Was ist zu tun?\n"
        "Bitte benennen Sie eine neue verantwortliche Person. Dazu öffnet Ihr "
        "Fachbereich (die Mitarbeiter*innen, die Anträge stellen) den Antrag über "
        "den Link oben und wählt „Verantwortung übertragen“. Damit wird ein "
        "erneuter Antrag mit allen bisherigen Angaben angelegt, ohne die "
        "ausgeschiedene Person. Dort wird die neue verantwortliche Person "
        "eingetragen und der Antrag eingereicht; Sie genehmigen ihn wie gewohnt. "
        "Jeder Auftritt braucht mindestens zwei verantwortliche Personen "
        "(DV § 6).\n"
        "Bis zur Genehmigung des erneuten Antrags gilt der bisherige Antrag; danach "
        "wird er archiviert und der Hinweis „Verantwortung klären“ entfällt.\n"
    )
    return (
        betreff(antrag, "Verantwortung klären"),
        text(antrag, einleitung, zusatz=zusatz),
    )


def markieren(antrag, ausloeser, *, dry_run=False):
    """Flag the approved ``antrag`` for the triggers ``ausloeser`` (list of
    ``(person, reason, day)``) and mail the head about the Persons not
    flagged before.

    A trigger already recorded (open) for the Person and reason is skipped.
    Returns the mail as an entry of the daily job's summary (``art ==
    "verantwortung"``), or None if nothing new was flagged. ``dry_run``
    computes the mail without recording or sending anything.
    """
    if api.content.get_state(antrag) != "genehmigt":
        return None
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
        return None
    empfaenger = fachbereich_emails(antrag, "leitung")
    mail = None
    if zu_melden:
        betreff_, text_ = _mail(antrag, zu_melden)
        mail = {
            "art": "verantwortung",
            "antragsnummer": antrag.antragsnummer,
            "empfaenger": empfaenger,
            "betreff": betreff_,
            "text": text_,
        }
    if dry_run:
        return mail
    if mail is not None:
        mail["empfaenger"] = send(empfaenger, mail["betreff"], mail["text"])
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
    return mail


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
        if obj.portal_type != "Person" or getattr(obj, "anonymisiert_am", None):
            continue
        if getattr(obj, "einwilligung_widerrufen_am", None):
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


def aufgaben_pruefen(today, *, dry_run=False):
    """The daily job: flag every approved Antrag with a Person whose task has
    ended. Reads the catalog column ``personen_enden`` first and wakes only
    the Anträge with an end on or before ``today``."""
    from stadtdo.sozialnetz.datenschutz.aufbewahrung import einzeln

    catalog = api.portal.get_tool("portal_catalog")
    tag = today.isoformat()
    result = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="genehmigt"
    ):
        enden = getattr(brain, "personen_enden", None)
        if enden is not None and not any(ende and ende <= tag for ende in enden):
            continue
        einzeln(
            result,
            "verantwortung",
            _aufgaben_fuer,
            brain._unrestrictedGetObject(),
            today,
            dry_run,
        )
    return result


def _aufgaben_fuer(antrag, today, dry_run):
    ausloeser = beendete_aufgaben(antrag, today)
    if not ausloeser:
        return None
    return markieren(antrag, ausloeser, dry_run=dry_run)


# Triggers (b) and (c): the portal user


def _datenbank():
    try:
        portal = api.portal.get()
    except CannotGetPortalError:
        return None
    return get_datenbank(portal)


def _fachbereich_der_gruppe(datenbank, group_id):
    for folder in datenbank.objectValues():
        if folder.portal_type != "Fachbereich" or not getattr(folder, "kuerzel", None):
            continue
        for suffix, _titel, _rolle in FACHBEREICH_GRUPPEN:
            if fachbereich_group_id(folder.kuerzel, suffix) == group_id:
                return folder
    return None


def gehoert_zum_fachbereich(userid, folder):
    """True if ``userid`` is in one of the department's groups."""
    user = api.user.get(userid=userid)
    if user is None:
        return False
    gruppen = set(user.getGroups() or ())
    return any(
        fachbereich_group_id(folder.kuerzel, suffix) in gruppen
        for suffix, _titel, _rolle in FACHBEREICH_GRUPPEN
    )


def benutzer_geloescht(event):
    """PAS ``PrincipalDeleted``: flag the approved Anträge naming the user."""
    datenbank = _datenbank()
    if datenbank is None:
        return
    _flaggen(personen_des_kontos(event.principal), BENUTZER_GELOESCHT)


def gruppe_verlassen(event):
    """PAS ``PrincipalRemovedFromGroup``: a user who left every group of a
    department flags the approved Anträge of that department naming them."""
    datenbank = _datenbank()
    if datenbank is None:
        return
    folder = _fachbereich_der_gruppe(datenbank, event.group_id)
    if folder is None or gehoert_zum_fachbereich(event.principal, folder):
        return
    pfad = "/".join(folder.getPhysicalPath())
    _flaggen(personen_des_kontos(event.principal, pfad=pfad), GRUPPE_VERLASSEN)


def gruppe_betreten(event):
    """PAS ``PrincipalAddedToGroup``: back in a group of the department, the
    flag „left the department“ of the user's Persons there is cleared."""
    datenbank = _datenbank()
    if datenbank is None:
        return
    folder = _fachbereich_der_gruppe(datenbank, event.group_id)
    if folder is None:
        return
    pfad = "/".join(folder.getPhysicalPath())
    for antrag, person in personen_des_kontos(event.principal, pfad=pfad):
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
