"""Reminders and escalations of the vote deadlines, part of the daily job
(``jobs.lauf.run_jobs``; domain.md § 6 "Deadlines").

- Reminder: ``erinnerung_arbeitstage_vorher`` working days before the
  deadline the body is reminded of its open vote – once per due period.
- Escalation: from the day after the deadline the body's lead (control panel
  address per body) is told that the vote is missing – once per due period;
  without an address nothing is sent and a warning is logged.

Both only inform: no state changes, no vote is recorded or assumed (no
deemed approval). A missed run catches up on the next one: a reminder until
the deadline, an escalation any day after it.
"""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.frist import abgelaufen
from stadtdo.sozialnetz.verfahren.frist import frist_ab
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from stadtdo.sozialnetz.verfahren.voten import VOTUM_TITEL
from zope.i18n import translate
import logging


logger = logging.getLogger("stadtdo.sozialnetz.fristen")

ERINNERUNG = "erinnerung"
ESKALATION = "eskalation"


def _gesendet(antrag, gremium_id, seit, art):
    return any(
        (e["gremium"], e["faellig_seit"], e["art"]) == (gremium_id, seit, art)
        for e in IMitteilungsstand(antrag).frist_mitteilungen
    )


def _vermerken(antrag, gremium_id, seit, art, empfaenger):
    IMitteilungsstand(antrag).frist_vermerken(
        {
            "gremium": gremium_id,
            "faellig_seit": seit,
            "art": art,
            "zeit": DateTime().ISO8601(),
            "empfaenger": list(empfaenger),
        }
    )


def _mail(antrag, gremium, art, frist, empfaenger):
    titel = translate(gremium.titel, target_language="de")
    votum = translate(
        VOTUM_TITEL[aktuelles_votum(antrag, gremium.id)["votum"]], target_language="de"
    )
    if art == ERINNERUNG:
        ereignis = f"Erinnerung: Votum {titel} bis {frist:%d.%m.%Y}"
        einleitung = (
            f"das Votum „{titel}“ zu diesem Antrag ist bis {frist:%d.%m.%Y} fällig "
            f"(derzeit: {votum}). Bitte geben Sie es in der Datenbank ab."
        )
    else:
        ereignis = f"Frist überschritten: Votum {titel}"
        einleitung = (
            f"das Votum „{titel}“ zu diesem Antrag war bis {frist:%d.%m.%Y} fällig "
            f"und steht noch aus (derzeit: {votum}). Sie erhalten diese Mitteilung "
            "als Leitung des Gremiums. Der Antrag bleibt offen: Ein fehlendes Votum "
            "gilt nicht als Zustimmung."
        )
    return {
        "art": f"frist_{art}",
        "antragsnummer": antrag.antragsnummer,
        "gremium": gremium.id,
        "frist": frist.isoformat(),
        "empfaenger": empfaenger,
        "betreff": betreff(antrag, ereignis),
        "text": text(antrag, einleitung, voten=True),
    }


def faellige_mitteilungen(today, *, dry_run=False):
    """The reminders and escalations due on ``today``; sent and recorded on
    the Antrag (``stand.Mitteilungsstand``) unless ``dry_run``."""
    vorher = einstellung("erinnerung_arbeitstage_vorher")
    result = []
    brains = api.content.find(
        portal_type="Antrag",
        review_state=workflow.offene_zustaende(),
        sort_on="antragsnummer",
    )
    for brain in brains:
        for gremium_id, seit in sorted((brain.faellig_seit or {}).items()):
            frist = frist_ab(seit)
            if abgelaufen(frist, today):
                art = ESKALATION
            elif today >= plus_arbeitstage(frist, -vorher):
                art = ERINNERUNG
            else:
                continue
            antrag = brain.getObject()
            if _gesendet(antrag, gremium_id, seit, art):
                continue
            gremium = GREMIEN_BY_ID[gremium_id]
            if art == ERINNERUNG:
                empfaenger = gremium_emails(gremium_id)
            else:
                adresse = einstellung(f"adresse_leitung_{gremium_id}")
                if not adresse:
                    logger.warning(
                        "%s: Frist von %s überschritten, aber keine Adresse der "
                        "Leitung eingestellt",
                        antrag.antragsnummer,
                        gremium_id,
                    )
                    continue
                empfaenger = [adresse]
            mail = _mail(antrag, gremium, art, frist, empfaenger)
            if not dry_run:
                mail["empfaenger"] = send(empfaenger, mail["betreff"], mail["text"])
                _vermerken(antrag, gremium_id, seit, art, mail["empfaenger"])
            result.append(mail)
    return result
