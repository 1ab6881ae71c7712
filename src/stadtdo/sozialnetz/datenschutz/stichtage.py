"""Dates that tell the truth (issue 20): a date a user states is kept for
the record, but it never starts a retention period or a deadline before the
day it was recorded.

The rule for every user-entered date that starts a clock: the clock runs
from the later of the stated date and the day the date was recorded; the
stated date is kept together with who recorded it and when. The dates and
their limits:

``einwilligung_widerrufen_am`` (``@einwilligung-widerrufen``, the button
„Widerruf vermerken“; kept with the records below in
``stand.DatenschutzstandPerson``)
    Not before the Person's consent (``einwilligung_datum``), not before the
    Antrag was created, not in the future: a German 400 (the page: an error
    message) naming the limit. The retention period (``retention``) runs
    from the day the withdrawal was recorded
    (``einwilligung_widerruf_vermerkt``: day, who, when).

``taetigkeit_bis`` (the Person's form, REST)
    After ``taetigkeit_von`` (invariant of the schema). It may lie in the
    past – a task that really ended is entered late – but then it counts
    from the day it was entered: the retention period runs from the later of
    the stated end and the day it was recorded (``taetigkeit_bis_vermerkt``,
    written on every add and change of the Person, kept by a re-application's
    copy), and „Verantwortung
    klären“ (``verfahren.verantwortung``) is raised on the day of entry, not
    retroactively; its text states the stated end. For a Person recorded
    before this rule the last change of the item stands in for the day of
    entry (it is never before it).

``einwilligung_datum``
    Not in the future (invariant of the schema). It starts no clock itself;
    it is the lower limit of the withdrawal.

``schulung_geplant_bis``, ``taetigkeit_von``, the Antrag's ``geplanter_start``
    Start no clock (shown only; no job reads them): no further limit.

The days the jobs run for (``@sozialnetz-jobs``), the drafts' last change
(``datenschutz.entwuerfe``), the decisions of the workflow and the creation
of an Antrag are set by the system, not entered: a client cannot state them.
"""

from __future__ import annotations

from Acquisition import aq_parent
from collections.abc import Mapping
from DateTime import DateTime
from datetime import date
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.rechte.trennung import deutsch
from typing import Any
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.person import IPerson
    from zope.interface.interfaces import IObjectEvent


def _tag(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def datum_lesen(value: object) -> date | None:
    """The day ``value`` (``JJJJ-MM-TT``) as a date, None if empty; raises
    ``AktionAbgelehnt`` (field ``datum``) for anything else."""
    if value in (None, ""):
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise AktionAbgelehnt(
            deutsch(_("Ungültiges Datum: bitte im Format JJJJ-MM-TT angeben.")),
            field="datum",
        ) from None


def _grenzen_des_widerrufs(person: IPerson) -> list[tuple[date, str]]:
    """``(day, German reason)`` of the lower limits of a withdrawal."""

    grenzen = []
    einwilligung = getattr(person, "einwilligung_datum", None)
    if einwilligung:
        grenzen.append(
            (
                einwilligung,
                _(
                    "Der Widerruf kann nicht vor der Einwilligung liegen "
                    "(frühestens ${datum}, Tag der Einwilligung).",
                    mapping={"datum": _tag(einwilligung)},
                ),
            )
        )
    angelegt = aq_parent(person).created().asdatetime().date()
    grenzen.append(
        (
            angelegt,
            _(
                "Der Widerruf kann nicht vor dem Anlegen des Antrags liegen "
                "(frühestens ${datum}).",
                mapping={"datum": _tag(angelegt)},
            ),
        )
    )
    return grenzen


def widerruf_fruehestens(person: IPerson) -> date:
    """The earliest day a withdrawal of ``person`` may state."""
    return max(tag for tag, _grund in _grenzen_des_widerrufs(person))


def widerruf_pruefen(
    person: IPerson, datum: date, *, heute: date | None = None
) -> None:
    """Raise ``AktionAbgelehnt`` (field ``datum``) if the stated withdrawal
    day ``datum`` lies before the consent, before the Antrag was created or
    in the future; the message names the limit."""
    heute = heute or date.today()
    if datum > heute:
        raise AktionAbgelehnt(
            deutsch(
                _(
                    "Der Widerruf kann nicht in der Zukunft liegen (spätestens "
                    "heute, ${heute}).",
                    mapping={"heute": _tag(heute)},
                )
            ),
            field="datum",
        )
    for tag, grund in _grenzen_des_widerrufs(person):
        if datum < tag:
            raise AktionAbgelehnt(deutsch(grund), field="datum")


def vermerk(
    userid: str | None = None, *, heute: date | None = None
) -> dict[str, str | None]:
    """Who recorded a date, and when: ``{"am", "von", "zeit"}``."""

    if userid is None:
        user = api.user.get_current()
        userid = user.getId() if user is not None else None
    return {
        "am": (heute or date.today()).isoformat(),
        "von": userid,
        "zeit": DateTime().ISO8601(),
    }


def vermerkt_am(vermerk_: Mapping[str, Any] | None) -> date | None:
    """The day of a record made by ``vermerk``, or None."""
    if not vermerk_ or not vermerk_.get("am"):
        return None
    return date.fromisoformat(vermerk_["am"])


def taetigkeit_bis_vermerken(
    person: IPerson, event: IObjectEvent | None = None
) -> None:
    """Subscriber (Person added or changed): note the day the end of the
    task was entered, once per value (a copy of the Person keeps it)."""
    wert = getattr(person, "taetigkeit_bis", None)
    stand = IDatenschutzstandPerson(person)
    bisher = stand.taetigkeit_bis_vermerkt
    if wert is None:
        if bisher is not None:
            stand.taetigkeit_bis_vermerken(None)
        return
    if bisher and bisher.get("wert") == wert.isoformat():
        return
    stand.taetigkeit_bis_vermerken(dict(vermerk(), wert=wert.isoformat()))


def uebernehmen(alt: IPerson, neu: IPerson) -> None:
    """The copy ``neu`` of ``alt`` in a re-application keeps the day its end
    was entered (not the day of the copy)."""
    eintrag = IDatenschutzstandPerson(alt).taetigkeit_bis_vermerkt
    ende = getattr(neu, "taetigkeit_bis", None)
    if eintrag and ende is not None and eintrag.get("wert") == ende.isoformat():
        IDatenschutzstandPerson(neu).taetigkeit_bis_vermerken(eintrag)


def kopie_vermerken(neu: IPerson, event: Any) -> None:
    """Subscriber (``verfahren.interfaces.IKopieAngelegt`` of a Person): the
    copy in a re-application keeps the day its end was entered."""
    uebernehmen(event.alt, neu)


def taetigkeit_endet_fuer_fristen(person: IPerson) -> date | None:
    """The day the retention clock of the end of the task starts: the later
    of the stated end and the day it was entered; None without an end."""
    ende = getattr(person, "taetigkeit_bis", None)
    if ende is None:
        return None
    eintrag = IDatenschutzstandPerson(person).taetigkeit_bis_vermerkt
    if eintrag and eintrag.get("wert") == ende.isoformat():
        erfasst = vermerkt_am(eintrag)
    else:  # recorded before this rule: the last change is not before the entry
        erfasst = person.modified().asdatetime().date()
    return max(ende, erfasst)


def widerruf_fuer_fristen(person: IPerson) -> date | None:
    """The day the retention clock of a withdrawal starts: the day it was
    recorded (for a withdrawal recorded before this rule: the time of its
    entry on the Antrag); None if consent was not withdrawn."""
    stand_person = IDatenschutzstandPerson(person)
    angegeben = stand_person.einwilligung_widerrufen_am
    if not angegeben:
        return None
    erfasst = vermerkt_am(stand_person.einwilligung_widerruf_vermerkt)
    if erfasst is None:
        stand = IDatenschutzstand(aq_parent(person), None)
        for eintrag in stand.einwilligungen_widerrufen if stand is not None else ():
            if eintrag.get("person") == person.getId() and eintrag.get("zeit"):
                erfasst = date.fromisoformat(eintrag["zeit"][:10])
    return max(angegeben, erfasst) if erfasst else angegeben
