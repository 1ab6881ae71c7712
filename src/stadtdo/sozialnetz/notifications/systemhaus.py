"""The order to Dortmunder Systemhaus (DV § 4): on approval, the POA orders
the personal unlocking of the platform's web pages for the named users.

The order is mailed on behalf of the POA (Reply-To: the POA) and recorded on
the Antrag (``stand.Mitteilungsstand.systemhaus_auftraege``), so the record
shows when it went out, to whom and for whom.
"""

from DateTime import DateTime
from stadtdo.sozialnetz.content.antrag import plattform_titel
from stadtdo.sozialnetz.content.vokabulare import term_title
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import gremium_emails
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from stadtdo.sozialnetz.settings import einstellung
import logging


logger = logging.getLogger("stadtdo.sozialnetz.notifications")

FUNKTIONEN = "stadtdo.sozialnetz.Funktionen"


def freizuschaltende_personen(antrag):
    return [
        obj
        for obj in antrag.objectValues()
        if obj.portal_type == "Person" and obj.internetfreischaltung
    ]


def _record(antrag, **entry):
    entry["zeit"] = DateTime().ISO8601()
    return IMitteilungsstand(antrag).auftrag_vermerken(entry)


def systemhaus_beauftragen(antrag):
    """Mail the order (if anybody needs unlocking) and record it on the Antrag."""
    personen = freizuschaltende_personen(antrag)
    namen = [f"{p.nachname}, {p.vorname} <{p.email}>" for p in personen]
    if not personen:
        return _record(
            antrag,
            empfaenger=[],
            personen=[],
            hinweis="Keine Freischaltung erforderlich.",
        )
    adresse = einstellung("adresse_systemhaus")
    if not adresse:
        logger.warning(
            "Keine Adresse des Systemhauses konfiguriert: Auftrag für %s nicht gesendet",
            antrag.antragsnummer,
        )
        return _record(
            antrag,
            empfaenger=[],
            personen=namen,
            hinweis="Nicht gesendet: keine Adresse des Systemhauses konfiguriert.",
        )
    poa = gremium_emails("poa")
    liste = "\n".join(
        f"  - {p.nachname}, {p.vorname}, {p.email} ({term_title(FUNKTIONEN, p.funktion)})"
        for p in personen
    )
    body = text(
        antrag,
        "im Auftrag des Personal- und Organisationsamts bitten wir um die "
        f"personenbezogene Entsperrung der Internetseiten von {plattform_titel(antrag)} "
        "für die folgenden Beschäftigten (DV § 4). Eventuell entstehende Kosten trägt "
        f"der Fachbereich {antrag.fachbereich}.",
        zusatz=f"Freizuschaltende Personen:\n{liste}\n\nRückfragen bitte an das Personal- und Organisationsamt{': ' + poa[0] if poa else ''}.\n",
    )
    sent = send(
        [adresse],
        betreff(antrag, "Auftrag zur Freischaltung"),
        body,
        reply_to=poa[0] if poa else None,
    )
    return _record(
        antrag,
        empfaenger=sent,
        personen=namen,
        hinweis="Im Auftrag des POA gesendet." if sent else "Senden fehlgeschlagen.",
    )
