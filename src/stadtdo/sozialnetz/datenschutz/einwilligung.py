"""Withdrawal of consent (DV § 2): the department or StA 11 records that a
Person withdrew the consent to take on the task.

From that day the Person's task has ended (``retention.ende_und_grund``):
the data are anonymised after the retention period like any other ended
task. The Antrag shows „Einwilligung widerrufen“, the head of the department
is asked to re-apply without the Person, and the withdrawal is recorded on
the Antrag (without the name). Called through ``verfahren.schritte``.
"""

from Acquisition import aq_parent
from DateTime import DateTime
from datetime import date
from persistent.list import PersistentList
from plone import api
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.notifications.mail import send
from stadtdo.sozialnetz.notifications.recipients import fachbereich_emails
from stadtdo.sozialnetz.notifications.texts import betreff
from stadtdo.sozialnetz.notifications.texts import text
from zExceptions import Unauthorized


PERMISSION = "stadtdo.sozialnetz: Record consent withdrawal"


def widerruf_vermerken(person, *, datum=None):
    """Record the withdrawal; return the entry recorded on the Antrag.

    Raises ``Unauthorized`` without the permission (FB of the Antrag,
    StA 11), ``AktionAbgelehnt`` if it was recorded before or the date lies
    in the future."""
    if not api.user.has_permission(PERMISSION, obj=person):
        raise Unauthorized(
            "Den Widerruf einer Einwilligung vermerken nur der Fachbereich des "
            "Antrags und die Berechtigungsverwaltung (StA 11)."
        )
    datum = datum or date.today()
    if datum > date.today():
        raise AktionAbgelehnt(
            "Der Widerruf kann nicht in der Zukunft liegen.", field="datum"
        )
    if getattr(person, "einwilligung_widerrufen_am", None):
        raise AktionAbgelehnt(
            "Der Widerruf der Einwilligung ist für diese Person schon vermerkt."
        )
    person.einwilligung_widerrufen_am = datum
    person.reindexObject()
    antrag = aq_parent(person)
    antrag.reindexObject(idxs=["review_state"])  # refreshes personen_enden
    eintrag = {
        "person": person.getId(),
        "datum": datum.isoformat(),
        "wer": api.user.get_current().getId(),
        "zeit": DateTime().ISO8601(),
    }
    if getattr(antrag, "einwilligungen_widerrufen", None) is None:
        antrag.einwilligungen_widerrufen = PersistentList()
    antrag.einwilligungen_widerrufen.append(eintrag)
    send(
        fachbereich_emails(antrag, "leitung"),
        betreff(antrag, "Einwilligung widerrufen"),
        text(
            antrag,
            f"eine der benannten Personen hat am {datum:%d.%m.%Y} ihre Einwilligung "
            "zur freiwilligen Übernahme der Aufgabe widerrufen (DV § 2). Bitte "
            "stellen Sie den Antrag ohne diese Person erneut („Antrag erneut "
            "stellen“). Ihre Daten werden nach Ablauf der Aufbewahrungsfrist "
            "anonymisiert (Anlage 1 Nr. 1).",
        ),
    )
    return eintrag
