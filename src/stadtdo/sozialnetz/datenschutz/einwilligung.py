"""Withdrawal of consent (DV § 2): the department or StA 11 records that a
Person withdrew the consent to take on the task.

The stated day of the withdrawal lies between the consent (and the
creation of the Antrag) and today (``stichtage.widerruf_pruefen``); it is
kept for the record with who recorded it and when
(``stand.DatenschutzstandPerson``). The retention period
runs from the day the withdrawal was recorded (``stichtage``,
``retention.ende_und_grund``): the data are anonymised after it like those
of any other ended task. The Antrag shows „Einwilligung widerrufen“, the head of the department
is asked to re-apply without the Person, and the withdrawal is recorded on
the Antrag (without the name). Called by the page and
``@einwilligung-widerrufen``; not a workflow step (no transition: its
permission is its guard).
"""

from Acquisition import aq_parent
from datetime import date
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.datenschutz.interfaces import EinwilligungWiderrufen
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from zExceptions import Unauthorized
from zope.event import notify
from zope.i18n import translate


PERMISSION = permissions.EINWILLIGUNG_WIDERRUFEN


def widerruf_vermerken(person, *, datum=None):
    """Record the withdrawal; return the entry recorded on the Antrag.

    Raises ``Unauthorized`` without the permission (FB of the Antrag,
    StA 11), ``AktionAbgelehnt`` if it was recorded before or the date lies
    outside its limits (``stichtage.widerruf_pruefen``)."""
    if not api.user.has_permission(PERMISSION, obj=person):
        raise Unauthorized(
            translate(
                _(
                    "Den Widerruf einer Einwilligung vermerken nur der Fachbereich "
                    "des Antrags und die Berechtigungsverwaltung (StA 11)."
                ),
                context=api.env.getRequest(),
            )
        )
    datum = datum or date.today()
    antrag = aq_parent(person)
    stand = IDatenschutzstandPerson(person)
    if stand.einwilligung_widerrufen_am:
        raise AktionAbgelehnt(
            translate(
                _("Der Widerruf der Einwilligung ist für diese Person schon vermerkt."),
                context=api.env.getRequest(),
            )
        )
    stichtage.widerruf_pruefen(person, datum)
    vermerk = stichtage.vermerk()
    stand.widerruf_vermerken(datum, vermerk)
    person.reindexObject()
    antrag.reindexObject(idxs=["review_state"])  # refreshes personen_enden
    eintrag = {
        "person": person.getId(),
        "datum": datum.isoformat(),
        "vermerkt_am": vermerk["am"],
        "wer": vermerk["von"],
        "zeit": vermerk["zeit"],
    }
    IDatenschutzstand(antrag).widerruf_vermerken(eintrag)
    notify(EinwilligungWiderrufen(person, antrag, datum))  # the head's mail
    return eintrag
