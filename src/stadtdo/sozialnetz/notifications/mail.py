"""Composing and sending one mail per recipient through the MailHost."""

from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from plone import api
from stadtdo.sozialnetz.settings import einstellung
import logging


logger = logging.getLogger("stadtdo.sozialnetz.notifications")

FUSSZEILE = (
    "\n-- \nDies ist eine automatisierte Mitteilung aus der Datenbank "
    "„Soziale Netzwerke“ der Stadt Dortmund."
)


def absender():
    address = einstellung("absender_adresse") or api.portal.get_registry_record(
        "plone.email_from_address", default=None
    )
    return formataddr((einstellung("absender_name"), address)) if address else None


def send(recipients, subject, body, *, reply_to=None):
    """Queue one mail per address in the current transaction.

    Returns the addresses it was queued for. Never ``immediate``: an aborted
    or retried transaction sends nothing.
    """
    sender = absender()
    if not sender:
        logger.warning("Keine Absenderadresse konfiguriert: %r nicht gesendet", subject)
        return []
    mailhost = api.portal.get_tool("MailHost")
    sent = []
    for recipient in recipients:
        # CRLF line ends: the MailHost passes the bytes to smtplib unchanged
        message = EmailMessage(policy=policy.SMTP)
        # a line break cannot go into a header: one bad title must not stop a job
        message["Subject"] = " ".join(subject.splitlines())
        message["From"] = sender
        message["To"] = recipient
        if reply_to:
            message["Reply-To"] = reply_to
        # quoted-printable keeps lines short (RFC 5321) and umlauts intact
        message.set_content(body + FUSSZEILE, cte="quoted-printable")
        try:
            mailhost.send(message, immediate=False)
        except Exception:
            logger.exception(
                "Mitteilung %r an %s konnte nicht gesendet werden", subject, recipient
            )
            continue
        sent.append(recipient)
    return sent
