"""Yearly review (DV § 2): each year after approval the department is asked
to confirm that every Person still consents – once per Antrag and year. The
head answers it per Person (``datenschutz.ueberpruefung``, page
``@@ueberpruefung``, REST ``@ueberpruefung``); an answer not given within
``ueberpruefung_antwort_arbeitstage`` working days is reminded to the head
(``erinnern``) and escalated to the Personal- und Organisationsamt
(StA 11, ``eskalieren``), each once per round."""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.datenschutz import ueberpruefung as regel
from stadtdo.sozialnetz.jobs.ergebnis import Mitteilung
from stadtdo.sozialnetz.jobs.jahresuebersicht import _personen
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.recipients import unique
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am


def _ueberpruefung_faellig(antrag, today):
    """The review year that is due on ``today`` and not yet asked for, or None."""
    am = genehmigt_am(antrag)
    if am is None:
        return None
    tage = einstellung("ueberpruefung_nach_tagen")
    jahre = (today - am).days // tage
    if jahre < 1:
        return None
    erledigt = IJobstand(antrag).ueberpruefungen
    if any(eintrag["runde"] == jahre for eintrag in erledigt):
        return None
    return jahre


def genehmigte(today):
    """The approved Anträge (as the caller finds them) whose review may be due."""
    for brain in api.content.find(portal_type="Antrag", review_state="genehmigt"):
        yield brain.getObject()


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
    mail = Mitteilung(
        art="ueberpruefung",
        angaben={"antragsnummer": antrag.antragsnummer},
        empfaenger=empfaenger,
        betreff=betreff(antrag, "Überprüfung der Freiwilligkeit"),
        text=text(
            antrag,
            f"der Auftritt ist seit {genehmigt_am(antrag):%d.%m.%Y} genehmigt. Die "
            "Aufgabenwahrnehmung ist nur freiwillig mit Einwilligung der "
            "Beschäftigten möglich und soll nach einem Jahr durch den Fachbereich "
            "überprüft werden (DV § 2). Bitte klären Sie, ob alle benannten Personen "
            "weiterhin einwilligen. Hat sich etwas geändert, stellen Sie den Antrag "
            "erneut. Die Fachbereichsleitung oder ihre Stellvertretung "
            "beantwortet die Überprüfung für jede Person in der Datenbank: "
            f"{antrag.absolute_url()}/@@ueberpruefung",
            zusatz=f"Benannte Personen:\n{personen}\n",
        ),
    )
    if not dry_run:
        mail.empfaenger = send(empfaenger, mail.betreff, mail.text)
        IJobstand(antrag).ueberpruefung_vermerken(
            {
                "runde": runde,
                "zeit": DateTime().ISO8601(),
                # the answer is due from the day the job ran for
                "faellig_ab": today.isoformat(),
                "empfaenger": list(mail.empfaenger),
            }
        )
        antrag.reindexObject(idxs=["review_state"])  # ueberpruefung_offen_seit
    return mail


ERINNERUNG = "erinnerung"
ESKALATION = "eskalation"


def ueberfaellige(today):
    """The approved Anträge whose review is overdue on ``today`` (catalog
    column ``ueberpruefung_offen_seit``; only those are woken)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Antrag", review_state="genehmigt", sort_on="antragsnummer"
    ):
        if regel.ist_ueberfaellig(brain, today):
            yield brain._unrestrictedGetObject()


def _gemahnt(antrag, runde, art):
    return any(
        (m["runde"], m["art"]) == (runde, art)
        for m in IJobstand(antrag).ueberpruefung_mahnungen
    )


def _mahnung(antrag, today, dry_run, art):
    """The reminder (``art`` ERINNERUNG, to the head and deputy) or the
    escalation (ESKALATION, to the POA / StA 11) of an overdue review, once
    per round; None if not due or sent already."""
    if not regel.ist_ueberfaellig(antrag, today):
        return None
    runde = regel.offene_runde(antrag)
    if runde is None or _gemahnt(antrag, runde["runde"], art):
        return None
    seit = regel.offen_seit(antrag)
    frist = regel.frist(seit)
    link = f"{antrag.absolute_url()}/@@ueberpruefung"
    personen = "\n".join(
        f"  - {p.vorname} {p.nachname}" for p in regel.zu_beantworten(antrag)
    )
    if art == ERINNERUNG:
        empfaenger = fachbereich_emails(antrag, "leitung")
        ereignis = "Erinnerung: Überprüfung der Freiwilligkeit unbeantwortet"
        einleitung = (
            f"die Überprüfung der Freiwilligkeit (DV § 2) zu diesem Auftrag war bis "
            f"{frist:%d.%m.%Y} zu beantworten und steht noch aus. Bitte geben Sie "
            "als Fachbereichsleitung oder Stellvertretung für jede Person an, ob "
            f"sie weiterhin einwilligt: {link}. Das Personal- und Organisationsamt "
            "(StA 11) ist informiert."
        )
    else:
        empfaenger = gremium_emails("poa")
        ereignis = "Überprüfung der Freiwilligkeit überfällig"
        einleitung = (
            f"die Fachbereichsleitung hat die Überprüfung der Freiwilligkeit "
            f"(DV § 2) zu diesem Auftrag nicht bis {frist:%d.%m.%Y} beantwortet. "
            "Sie erhalten diese Mitteilung als Personal- und Organisationsamt "
            "(StA 11). Der Auftritt bleibt genehmigt; ein Schweigen gilt nicht als "
            "Einwilligung."
        )
    mail = Mitteilung(
        art=f"ueberpruefung_{art}",
        angaben={"antragsnummer": antrag.antragsnummer, "frist": frist.isoformat()},
        empfaenger=empfaenger,
        betreff=betreff(antrag, ereignis),
        text=text(antrag, einleitung, zusatz=f"Benannte Personen:\n{personen}\n"),
    )
    if not dry_run:
        mail.empfaenger = send(empfaenger, mail.betreff, mail.text)
        IJobstand(antrag).mahnung_vermerken(
            {
                "runde": runde["runde"],
                "art": art,
                "zeit": DateTime().ISO8601(),
                "empfaenger": list(mail.empfaenger),
            }
        )
    return mail


def erinnern(antrag, today, dry_run):
    """The reminder to the head of an overdue review, or None."""
    return _mahnung(antrag, today, dry_run, ERINNERUNG)


def eskalieren(antrag, today, dry_run):
    """The escalation of an overdue review to the POA (StA 11), or None."""
    return _mahnung(antrag, today, dry_run, ESKALATION)
