"""Reminders and escalations of the deadlines, part of the daily job
(``jobs.lauf.run_jobs``; domain.md § 4, § 6 "Deadlines"): of every step of
``verfahren.frist.SCHRITTE`` – the bodies' votes and the head's approval.

- Reminder: ``erinnerung_arbeitstage_vorher`` working days before the
  deadline the body is reminded of its open vote, the department's head and
  deputy (not the one who submitted it) of the approval – once per due
  period.
- Escalation: from the day after the deadline the body's lead (control panel
  address per body) is told that the vote is missing, StA 11 (group
  ``sn-sta11``) that the head has not decided – once per due period;
  without an address nothing is sent and a warning is logged.

Both only inform: no state changes, no vote is recorded or assumed (no
deemed approval). A missed run catches up on the next one: a reminder until
the deadline, an escalation any day after it.
"""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.content.antrag import fachbereich_of
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.recipients import group_emails
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.rechte.gruppen import fachbereich_group_id
from stadtdo.sozialnetz.rechte.umfang import VERWALTUNG_GRUPPE
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.frist import abgelaufen
from stadtdo.sozialnetz.verfahren.frist import frist_ab
from stadtdo.sozialnetz.verfahren.frist import fristlaengen
from stadtdo.sozialnetz.verfahren.frist import SCHRITTE_BY_ID
from stadtdo.sozialnetz.verfahren.trennung import eingereicht_von
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


def _mail(antrag, schritt, art, frist, empfaenger):
    if schritt.gremium is None:
        ereignis, einleitung = _fbl_texte(art, frist)
        return _mitteilung(
            antrag, schritt, art, frist, empfaenger, ereignis, einleitung
        )
    gremium = schritt.gremium
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
    return _mitteilung(antrag, schritt, art, frist, empfaenger, ereignis, einleitung)


def _fbl_texte(art, frist):
    """Subject event and opening of the mails about the head's deadline."""
    if art == ERINNERUNG:
        return (
            f"Erinnerung: Genehmigung durch die Fachbereichsleitung bis {frist:%d.%m.%Y}",
            "dieser Antrag wartet auf die Genehmigung der Fachbereichsleitung; die "
            f"Frist endet am {frist:%d.%m.%Y}. Bitte genehmigen Sie ihn in der "
            "Datenbank oder weisen Sie ihn mit Kommentar zurück.",
        )
    return (
        "Frist überschritten: Genehmigung durch die Fachbereichsleitung",
        "dieser Antrag wartet seit dem Einreichen auf die Genehmigung der "
        f"Fachbereichsleitung; die Frist endete am {frist:%d.%m.%Y}. Sie erhalten "
        "diese Mitteilung als Berechtigungsverwaltung (StA 11): Bitte klären Sie "
        "mit dem Fachbereich, wer entscheidet, und nehmen Sie gegebenenfalls die "
        "Stellvertretung in die Gruppe der Fachbereichsleitung auf. Der Antrag "
        "bleibt offen: Eine versäumte Frist gilt nicht als Genehmigung.",
    )


def _mitteilung(antrag, schritt, art, frist, empfaenger, ereignis, einleitung):
    return {
        "art": f"frist_{art}",
        "antragsnummer": antrag.antragsnummer,
        "gremium": schritt.id,
        "frist": frist.isoformat(),
        "empfaenger": empfaenger,
        "betreff": betreff(antrag, ereignis),
        "text": text(antrag, einleitung, voten=schritt.gremium is not None),
    }


def _leitung_ohne_einreicher(antrag):
    """Head and deputy of the Antrag's department, without the one who
    submitted it (who does not approve it, ``verfahren.trennung``)."""
    fachbereich = fachbereich_of(antrag)
    if fachbereich is None:
        return []
    wer = eingereicht_von(antrag)
    return group_emails(
        fachbereich_group_id(fachbereich.kuerzel, "leitung"),
        ohne=frozenset({wer} if wer else ()),
    )


def _empfaenger(antrag, schritt, art):
    """Who is told, or None (logged) if nobody can be."""
    if schritt.gremium is None:
        if art == ERINNERUNG:
            return _leitung_ohne_einreicher(antrag)
        empfaenger = group_emails(VERWALTUNG_GRUPPE)
        if not empfaenger:
            logger.warning(
                "%s: Frist der Fachbereichsleitung überschritten, aber niemand in "
                "StA 11 hat eine Adresse",
                antrag.antragsnummer,
            )
            return None
        return empfaenger
    if art == ERINNERUNG:
        return gremium_emails(schritt.id)
    adresse = einstellung(f"adresse_leitung_{schritt.id}")
    if not adresse:
        logger.warning(
            "%s: Frist von %s überschritten, aber keine Adresse der "
            "Leitung eingestellt",
            antrag.antragsnummer,
            schritt.id,
        )
        return None
    return [adresse]


def faellige_mitteilungen(today, *, dry_run=False):
    """The reminders and escalations due on ``today``; sent and recorded on
    the Antrag (``stand.Mitteilungsstand``) unless ``dry_run``."""
    vorher = einstellung("erinnerung_arbeitstage_vorher")
    laengen = fristlaengen()
    result = []
    brains = api.content.find(
        portal_type="Antrag",
        review_state=workflow.offene_zustaende(),
        sort_on="antragsnummer",
    )
    for brain in brains:
        for schritt_id, seit in sorted((brain.faellig_seit or {}).items()):
            schritt = SCHRITTE_BY_ID.get(schritt_id)
            if schritt is None:
                continue
            frist = frist_ab(seit, tage=laengen[schritt_id])
            if abgelaufen(frist, today):
                art = ESKALATION
            elif today >= plus_arbeitstage(frist, -vorher):
                art = ERINNERUNG
            else:
                continue
            antrag = brain.getObject()
            if _gesendet(antrag, schritt_id, seit, art):
                continue
            empfaenger = _empfaenger(antrag, schritt, art)
            if empfaenger is None:
                continue
            mail = _mail(antrag, schritt, art, frist, empfaenger)
            if not dry_run:
                mail["empfaenger"] = send(empfaenger, mail["betreff"], mail["text"])
                _vermerken(antrag, schritt_id, seit, art, mail["empfaenger"])
            result.append(mail)
    return result
