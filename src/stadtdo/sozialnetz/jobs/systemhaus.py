"""Unconfirmed orders to the Systemhaus (``notifications.systemhaus``):
``systemhaus_erinnerung_arbeitstage`` working days after an order went out
without confirmation the Systemhaus is reminded once (with the same link),
``systemhaus_eskalation_arbeitstage`` working days after the reminder the
POA is told once. Orders before profile 1008 (``vor_einfuehrung``) and
confirmed orders are left alone. The days are those of the job's run
(``today``), so a run for a given date decides alike."""

from DateTime import DateTime
from datetime import date
from plone import api
from stadtdo.sozialnetz.jobs.ergebnis import Mitteilung
from stadtdo.sozialnetz.notifications import bestaetigung
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.systemhaus import art
from stadtdo.sozialnetz.notifications.systemhaus import ARTEN
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage


def antraege(today):
    """The Anträge with an open order (catalog column ``systemhaus_offen``:
    only those are woken)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Antrag"):
        if getattr(brain, "systemhaus_offen", None):
            yield brain._unrestrictedGetObject()


def _tag(zeit):
    return DateTime(zeit).asdatetime().date()


def erinnerung_faellig(auftrag):
    """The day the reminder of ``auftrag`` is due."""
    return plus_arbeitstage(
        _tag(auftrag["zeit"]), einstellung("systemhaus_erinnerung_arbeitstage")
    )


def eskalation_faellig(auftrag):
    """The day the escalation of ``auftrag`` is due (None before the reminder)."""
    if not auftrag.get("erinnert_am"):
        return None
    return plus_arbeitstage(
        date.fromisoformat(auftrag["erinnert_am"]),
        einstellung("systemhaus_eskalation_arbeitstage"),
    )


def _personen(auftrag):
    return "\n".join(f"  - {p}" for p in auftrag.get("personen", ()))


def _erinnerung(antrag, auftrag):
    name = ARTEN[art(auftrag)]
    gesendet = _tag(auftrag["zeit"])
    poa = gremium_emails("poa")
    return Mitteilung(
        art="systemhaus_erinnerung",
        angaben={"antragsnummer": antrag.antragsnummer, "auftrag": auftrag["id"]},
        empfaenger=[a for a in [einstellung("adresse_systemhaus")] if a],
        betreff=betreff(antrag, f"Erinnerung: Auftrag zur {name}"),
        text=text(
            antrag,
            f"der Auftrag zur {name} vom {gesendet:%d.%m.%Y} ist noch nicht als "
            "erledigt bestätigt. Bitte führen Sie ihn aus und bestätigen Sie die "
            "Erledigung über den Link unten.",
            zusatz=(
                f"Personen:\n{_personen(auftrag)}\n\n"
                "Bestätigung (ohne Anmeldung, einmalig, gültig bis "
                f"{bestaetigung.gueltig_bis(auftrag).strftime('%d.%m.%Y')}):\n"
                f"{bestaetigung.link(antrag, auftrag['id'])}\n\n"
                "Rückfragen bitte an das Personal- und Organisationsamt"
                + (f": {poa[0]}" if poa else "")
                + ".\n"
            ),
        ),
    ), (poa[0] if poa else None)


def _eskalation(antrag, auftrag):
    name = ARTEN[art(auftrag)]
    gesendet = _tag(auftrag["zeit"])
    erinnert = date.fromisoformat(auftrag["erinnert_am"])
    return Mitteilung(
        art="systemhaus_eskalation",
        angaben={"antragsnummer": antrag.antragsnummer, "auftrag": auftrag["id"]},
        empfaenger=gremium_emails("poa"),
        betreff=betreff(antrag, f"Auftrag zur {name} nicht bestätigt"),
        text=text(
            antrag,
            f"das Dortmunder Systemhaus hat den Auftrag zur {name} vom "
            f"{gesendet:%d.%m.%Y} trotz Erinnerung am {erinnert:%d.%m.%Y} nicht "
            "als erledigt bestätigt. Bitte klären Sie mit dem Systemhaus, ob der "
            "Auftrag ausgeführt wurde.",
            zusatz=f"Personen:\n{_personen(auftrag)}\n",
        ),
    )


def auftraege_pruefen(antrag, today, dry_run):
    """The reminders and escalations due on ``today`` for the open orders of
    ``antrag`` (sent and recorded unless ``dry_run``), or None."""
    mails = []
    for auftrag in IMitteilungsstand(antrag).offene_auftraege():
        if not auftrag.get("erinnert_am"):
            if today < erinnerung_faellig(auftrag):
                continue
            mail, reply_to = _erinnerung(antrag, auftrag)
            if not dry_run:
                mail.empfaenger = send(
                    mail.empfaenger, mail.betreff, mail.text, reply_to=reply_to
                )
                auftrag["erinnert_am"] = today.isoformat()
            mails.append(mail)
        elif not auftrag.get("eskaliert_am"):
            faellig = eskalation_faellig(auftrag)
            if faellig is None or today < faellig:
                continue
            mail = _eskalation(antrag, auftrag)
            if not dry_run:
                mail.empfaenger = send(mail.empfaenger, mail.betreff, mail.text)
                auftrag["eskaliert_am"] = today.isoformat()
            mails.append(mail)
    return mails or None
