"""Yearly review (DV § 2): each year after approval the department is asked
to confirm that every Person still consents – once per Antrag and year."""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.jobs.ergebnis import Mitteilung
from stadtdo.sozialnetz.jobs.jahresuebersicht import _personen
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
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
            "erneut.",
            zusatz=f"Benannte Personen:\n{personen}\n",
        ),
    )
    if not dry_run:
        mail.empfaenger = send(empfaenger, mail.betreff, mail.text)
        IJobstand(antrag).ueberpruefung_vermerken(
            {
                "runde": runde,
                "zeit": DateTime().ISO8601(),
                "empfaenger": list(mail.empfaenger),
            }
        )
    return mail
