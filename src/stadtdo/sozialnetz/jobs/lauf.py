"""The scheduled jobs, started daily by cron through ``@@sozialnetz-jobs``.

- January digest (Anlage 1 Nr. 5): each department's head and deputy get one
  mail listing the department's active (approved) accounts with their
  responsible persons – once per year and department, however often the job
  runs in the digest month.
- Yearly review (DV § 2): each year after approval the department is asked
  to confirm that every Person still consents – once per Antrag and year.
- Deadlines (domain.md § 6): reminders before and escalations after the
  deadline of a body's vote (``notifications.fristen``), each once.
- Daily overview (issue 13 item 4): one mail per reviewer who chose it
  instead of single mails, once a day (``notifications.tagesuebersicht``).
- Abandoned drafts (Anlage 1 Nr. 1): reminded of, then deleted with their
  Persons and versions (``stadtdo.sozialnetz.datenschutz.entwuerfe``).
- Offboarding (issue 13): approved Anträge with a Person whose task has
  ended are flagged „Verantwortung klären“ and the head is mailed, once
  (``stadtdo.sozialnetz.verfahren.verantwortung``). The digest lists the
  flag too.
- Retention (Anlage 1 Nr. 1): Persons whose task ended longer ago than the
  retention period are anonymised (``stadtdo.sozialnetz.datenschutz.aufbewahrung``).

Every job runs even if another one fails; failures are listed in the result
(``art == "fehler"``) and logged.

``run_jobs(dry_run=True)`` computes the same mails and anonymisations without
sending, changing or recording anything: the preview for administrators.

Once per cluster: nothing in an instance starts the jobs (no clock server, no
start-up hook); cron posts once to the load balancer. Two runs that overlap
anyway (two cron entries, two instances) are harmless: every run first writes
the same record in the site (``LAUF_KEY``), so ZODB lets only one of them
commit. The other one gets a ``ConflictError`` at commit, is rolled back with
the mails it queued (the mail queue is written at commit only) and is run
again by Zope from the start – and then finds what the first run recorded.
"""

from DateTime import DateTime
from datetime import date
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from stadtdo.sozialnetz.content.antrag import plattform_titel
from stadtdo.sozialnetz.content.datenbank import get_datenbank
from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.content.weblink import web_adresse
from stadtdo.sozialnetz.datenschutz.aufbewahrung import aufbewahrung
from stadtdo.sozialnetz.datenschutz.aufbewahrung import einzeln
from stadtdo.sozialnetz.datenschutz.aufbewahrung import fehler
from stadtdo.sozialnetz.datenschutz.aufbewahrung import zuruecksetzen
from stadtdo.sozialnetz.datenschutz.entwuerfe import verwaiste_entwuerfe
from stadtdo.sozialnetz.infrastruktur import idempotenz
from stadtdo.sozialnetz.notifications.fristen import faellige_mitteilungen
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.recipients import group_emails
from stadtdo.sozialnetz.notifications.recipients import unique
from stadtdo.sozialnetz.notifications.tagesuebersicht import tagesuebersichten
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import verantwortung
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from zope.annotation.interfaces import IAnnotations
import logging
import transaction


logger = logging.getLogger("stadtdo.sozialnetz.jobs")


DIGEST_KEY = "stadtdo.sozialnetz.digest"

#: the record every run (not the preview) writes first, in the site's annotations
LAUF_KEY = "stadtdo.sozialnetz.jobs.lauf"


def lauf_vermerken(today):
    """Record this run in the one object every run writes (see the module
    docstring): two overlapping runs conflict, only one commits."""
    annotations = IAnnotations(api.portal.get())
    lauf = annotations.get(LAUF_KEY)
    if lauf is None:
        lauf = annotations[LAUF_KEY] = PersistentMapping()
    lauf["datum"] = today.isoformat()
    lauf["zeit"] = DateTime().ISO8601()
    lauf["anzahl"] = lauf.get("anzahl", 0) + 1
    return lauf


def _personen(antrag):
    """The Persons still named on ``antrag`` (not anonymised after their task)."""
    return [
        obj
        for obj in antrag.objectValues()
        if obj.portal_type == "Person" and not getattr(obj, "anonymisiert_am", None)
    ]


def _aktive_antraege(folder):
    brains = api.content.find(
        context=folder,
        portal_type="Antrag",
        review_state="genehmigt",
        sort_on="antragsnummer",
    )
    return [brain.getObject() for brain in brains]


def _digest_text(folder, antraege, jahr):
    zeilen = [
        "Guten Tag,",
        "",
        f"wie jedes Jahr erhalten Sie als Fachbereichsleitung oder Stellvertretung die "
        f"Übersicht der Social-Media-Auftritte des Fachbereichs {folder.Title()} "
        f"(Stand {date.today():%d.%m.%Y}, Anlage 1 Nr. 5 der Dienstvereinbarung).",
        "",
    ]
    for antrag in antraege:
        am = genehmigt_am(antrag)
        zeilen.append(f"{plattform_titel(antrag)}: {antrag.kontoname}")
        zeilen.append(
            f"  Antrag {antrag.antragsnummer}, genehmigt am {am:%d.%m.%Y}"
            if am
            else f"  Antrag {antrag.antragsnummer}"
        )
        if web_adresse(antrag.url):
            zeilen.append(f"  {web_adresse(antrag.url)}")
        for person in _personen(antrag):
            zeilen.append(
                f"  - {person.vorname} {person.nachname} "
                f"({term_title('stadtdo.sozialnetz.Funktionen', person.funktion)})"
            )
        zeilen.extend(_verantwortung_zeilen(antrag))
        zeilen.append(f"  {antrag.absolute_url()}")
        zeilen.append("")
    zeilen.append(
        "Bitte prüfen Sie, ob die Angaben noch aktuell sind. Änderungen, etwa bei "
        "personellen Wechseln, teilen Sie über „Antrag erneut stellen“ mit (DV § 3, § 4)."
    )
    return "\n".join(zeilen) + "\n"


def _verantwortung_zeilen(antrag):
    """The lines „Verantwortung klären“ of a flagged Antrag in the digest."""
    if not verantwortung.ist_markiert(antrag):
        return []
    zeilen = [
        "  ! Verantwortung klären – bitte „Verantwortung übertragen“ wählen "
        "und eine neue verantwortliche Person benennen:"
    ]
    for eintrag in verantwortung.offene(antrag):
        name = verantwortung.personen_name(antrag, eintrag["person"])
        zeilen.append(f"    {name}: {verantwortung.grund_text(eintrag)}")
    return zeilen


def _digest_versand(folder):
    annotations = IAnnotations(folder)
    versand = annotations.get(DIGEST_KEY)
    if versand is None:
        versand = annotations[DIGEST_KEY] = PersistentMapping()
    return versand


def jahresuebersicht(today, *, dry_run=False):
    """The digest mails due on ``today``; sends and records them unless dry_run."""
    if today.month != einstellung("digest_monat"):
        return []
    datenbank = get_datenbank()
    if datenbank is None:
        return []
    result = []
    for folder in datenbank.objectValues():
        if folder.portal_type == "Fachbereich":
            einzeln(result, "jahresuebersicht", _digest_fuer, folder, today, dry_run)
    return result


def _digest_fuer(folder, today, dry_run):
    """The digest mail of one department, or None if not due."""
    if today.year in IAnnotations(folder).get(DIGEST_KEY, {}):
        return None
    antraege = _aktive_antraege(folder)
    if not antraege:
        return None
    empfaenger = group_emails(fachbereich_group_id(folder.kuerzel, "leitung"))
    mail = {
        "art": "jahresuebersicht",
        "fachbereich": folder.Title(),
        "empfaenger": empfaenger,
        "betreff": f"[Soziale Netzwerke] Jahresübersicht {today.year}: {folder.Title()}",
        "text": _digest_text(folder, antraege, today.year),
    }
    if not dry_run:
        mail["empfaenger"] = send(empfaenger, mail["betreff"], mail["text"])
        _digest_versand(folder)[today.year] = PersistentMapping(
            zeit=DateTime().ISO8601(), empfaenger=list(mail["empfaenger"])
        )
    return mail


def _ueberpruefung_faellig(antrag, today):
    """The review year that is due on ``today`` and not yet asked for, or None."""
    am = genehmigt_am(antrag)
    if am is None:
        return None
    tage = einstellung("ueberpruefung_nach_tagen")
    jahre = (today - am).days // tage
    if jahre < 1:
        return None
    erledigt = getattr(antrag, "ueberpruefungen", None) or []
    if any(eintrag["runde"] == jahre for eintrag in erledigt):
        return None
    return jahre


def ueberpruefungen(today, *, dry_run=False):
    """Reminders to check the voluntary basis (DV § 2) due on ``today``."""
    result = []
    for brain in api.content.find(portal_type="Antrag", review_state="genehmigt"):
        einzeln(
            result,
            "ueberpruefung",
            _ueberpruefung_fuer,
            brain.getObject(),
            today,
            dry_run,
        )
    return result


def _ueberpruefung_fuer(antrag, today, dry_run):
    """The review mail of one Antrag, or None if not due."""
    runde = _ueberpruefung_faellig(antrag, today)
    if runde is None:
        return None
    empfaenger = unique(
        fachbereich_emails(antrag, "leitung"),
        fachbereich_emails(antrag, "mitarbeiter"),
    )
    personen = "\n".join(f"  - {p.vorname} {p.nachname}" for p in _personen(antrag))
    mail = {
        "art": "ueberpruefung",
        "antragsnummer": antrag.antragsnummer,
        "empfaenger": empfaenger,
        "betreff": betreff(antrag, "Überprüfung der Freiwilligkeit"),
        "text": text(
            antrag,
            f"der Auftritt ist seit {genehmigt_am(antrag):%d.%m.%Y} genehmigt. Die "
            "Aufgabenwahrnehmung ist nur freiwillig mit Einwilligung der "
            "Beschäftigten möglich und soll nach einem Jahr durch den Fachbereich "
            "überprüft werden (DV § 2). Bitte klären Sie, ob alle benannten Personen "
            "weiterhin einwilligen. Hat sich etwas geändert, stellen Sie den Antrag "
            "erneut.",
            zusatz=f"Benannte Personen:\n{personen}\n",
        ),
    }
    if not dry_run:
        mail["empfaenger"] = send(empfaenger, mail["betreff"], mail["text"])
        if getattr(antrag, "ueberpruefungen", None) is None:
            antrag.ueberpruefungen = PersistentList()
        antrag.ueberpruefungen.append(
            {
                "runde": runde,
                "zeit": DateTime().ISO8601(),
                "empfaenger": list(mail["empfaenger"]),
            }
        )
    return mail


#: the jobs in the order they run; each runs even if another one fails
JOBS = (
    ("jahresuebersicht", jahresuebersicht),
    ("ueberpruefung", ueberpruefungen),
    ("verantwortung", verantwortung.aufgaben_pruefen),
    ("fristen", faellige_mitteilungen),
    ("tagesuebersicht", tagesuebersichten),
    ("entwuerfe", verwaiste_entwuerfe),
    ("aufbewahrung", aufbewahrung),
    ("idempotenz", idempotenz.aufraeumen),
)

#: entries of the summary that are not mails
KEINE_MAIL = ("anonymisierung", "entwurf_geloescht", "fehler")


def run_jobs(*, today=None, dry_run=False):
    """Run every scheduled job for ``today``; return what was done (or is due):
    mails, anonymisations (``art == "anonymisierung"``), deleted drafts
    (``entwurf_geloescht``) and failures (``fehler``).

    A job that fails is rolled back, logged and reported as ``fehler``; the
    other jobs still run (retention also isolates each Person)."""
    today = today or date.today()
    if not dry_run:
        lauf_vermerken(today)
    result = []
    for name, job in JOBS:
        savepoint = transaction.savepoint(optimistic=True)
        try:
            result.extend(job(today, dry_run=dry_run))
        except Exception as error:
            zuruecksetzen(savepoint)
            logger.exception("Geplante Aufgabe %s fehlgeschlagen", name)
            result.append(fehler(name, error))
    return result
