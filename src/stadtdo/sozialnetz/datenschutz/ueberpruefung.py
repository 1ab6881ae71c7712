"""The yearly review of the voluntary basis answered (DV § 2, issue 23).

One year after approval (and every year after) the daily job asks the
department whether every named Person still takes on the task voluntarily
(``jobs.ueberpruefung``; the rounds sent are recorded in ``IJobstand``).
Here the head of the department (Fachbereichsleitung or deputy, permission
``permissions.UEBERPRUEFUNG_BEANTWORTEN``) answers it, per Person:

``weiterhin``
    „willigt weiterhin ein“: nothing changes.
``aufgabe_endet``
    „Aufgabe endet am <Datum>“: the Person's ``taetigkeit_bis`` is set as
    the Person's form sets it – the change is announced
    (``IObjectModifiedEvent``), so ``stichtage.taetigkeit_bis_vermerken``
    records who entered it and when, retention and „Verantwortung klären“
    count from it as from any end of a task. The Antrag is frozen: the
    process lets exactly this field through (``verfahren.einfrieren``).
``widerrufen``
    „Einwilligung widerrufen (am <Datum>)“: the withdrawal of
    ``datenschutz.einwilligung`` (its limits, its record, its event and mail).

The head can also state that the account needs a re-application
(``erneut``): the answer then points to „Antrag erneut stellen“.

Every answer is recorded on the Antrag (``IJobstand``: round, Person,
answer, date, who, when) and shown in the Verlauf. One rule says whether a
review is open and overdue, for page, REST, job, report and Übersicht:
:func:`offen_seit`, :func:`frist`, :func:`ist_ueberfaellig` (object or
catalog brain, column ``ueberpruefung_offen_seit``). A review is answered
with one answer for each Person asked (:func:`zu_beantworten`); the
deadline is ``ueberpruefung_antwort_arbeitstage`` working days after the
review was sent (for a review sent before profile 1009: after the upgrade).
"""

from __future__ import annotations

from collections.abc import Mapping
from DateTime import DateTime
from datetime import date
from plone import api
from Products.ZCatalog.interfaces import ICatalogBrain
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.content.person import IPerson as IPersonSchema
from stadtdo.sozialnetz.datenschutz import einwilligung
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.interfaces import IJobstand
from stadtdo.sozialnetz.rechte.trennung import deutsch
from stadtdo.sozialnetz.settings import einstellung
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.einfrieren import freigeben
from stadtdo.sozialnetz.verfahren.frist import abgelaufen
from stadtdo.sozialnetz.verfahren.verantwortung import aktive_personen
from typing import Any
from typing import TYPE_CHECKING
from zExceptions import Unauthorized
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from stadtdo.sozialnetz.content.person import IPerson


PERMISSION = permissions.UEBERPRUEFUNG_BEANTWORTEN

WEITERHIN = "weiterhin"
AUFGABE_ENDET = "aufgabe_endet"
WIDERRUFEN = "widerrufen"

#: The answers, with the German words page, REST and Verlauf show.
ANTWORTEN = {
    WEITERHIN: _("willigt weiterhin ein"),
    AUFGABE_ENDET: _("Aufgabe endet am"),
    WIDERRUFEN: _("Einwilligung widerrufen"),
}

#: The only state in which a review is open: an approved, running account.
ZUSTAND = "genehmigt"


def antwort_arbeitstage() -> int:
    """Working days the head has to answer (control panel)."""
    return int(einstellung("ueberpruefung_antwort_arbeitstage"))


def _beginn(eintrag: Mapping[str, Any]) -> date:
    """The day the answer to a review round is due from: its ``faellig_ab``
    (a review sent before profile 1009: the upgrade's day) or the day it
    was sent."""
    return date.fromisoformat((eintrag.get("faellig_ab") or eintrag["zeit"])[:10])


def offene_runde(antrag: IAntrag) -> Mapping[str, Any] | None:
    """The review round of ``antrag`` sent and not yet answered, or None
    (none sent, answered, nobody left to ask, or the account no longer
    approved)."""
    if api.content.get_state(obj=antrag, default=None) != ZUSTAND:
        return None
    stand = IJobstand(antrag)
    gesendet = list(stand.ueberpruefungen)
    if not gesendet:
        return None
    letzte = gesendet[-1]
    beantwortet = {a["runde"] for a in stand.ueberpruefung_antworten}
    if letzte["runde"] in beantwortet:
        return None
    if not zu_beantworten(antrag):
        return None  # every Person withdrew or was anonymised: nobody to ask
    return letzte


def offen_seit(antrag: IAntrag) -> date | None:
    """The day the open review of ``antrag`` is due from, or None."""
    runde = offene_runde(antrag)
    return _beginn(runde) if runde is not None else None


def frist(seit: date | str | None, *, tage: int | None = None) -> date | None:
    """The last day to answer a review due from ``seit`` (or None)."""
    if not seit:
        return None
    if isinstance(seit, str):
        seit = date.fromisoformat(seit)
    return plus_arbeitstage(seit, antwort_arbeitstage() if tage is None else tage)


def _seit_von(antrag_oder_brain: Any) -> date | str | None:
    if ICatalogBrain.providedBy(antrag_oder_brain):
        if antrag_oder_brain.review_state != ZUSTAND:
            return None
        return getattr(antrag_oder_brain, "ueberpruefung_offen_seit", None)
    return offen_seit(antrag_oder_brain)


def ist_faellig(antrag_oder_brain: Any) -> bool:
    """True while the Antrag (object or catalog brain) has a review to answer."""
    return bool(_seit_von(antrag_oder_brain))


def ist_ueberfaellig(
    antrag_oder_brain: Any, heute: date | None = None, *, tage: int | None = None
) -> bool:
    """True if the open review of the Antrag (object or catalog brain) is
    past its deadline on ``heute``: the one rule of „Überprüfung
    überfällig“ for page, REST, job, report and Übersicht."""
    return abgelaufen(frist(_seit_von(antrag_oder_brain), tage=tage), heute)


def zu_beantworten(antrag: IAntrag) -> list[IPerson]:
    """The Persons the review asks about: named, not anonymised, consent
    not withdrawn."""
    return aktive_personen(antrag)


def darf_beantworten(antrag: IAntrag) -> bool:
    """True if the current user may answer the review of ``antrag``."""
    return bool(api.user.has_permission(PERMISSION, obj=antrag))


def antworten_von(antrag: IAntrag) -> list[Mapping[str, Any]]:
    """Every answer recorded on ``antrag`` (oldest first)."""
    return list(IJobstand(antrag).ueberpruefung_antworten)


def _pruefen(
    person: IPerson, antwort: str, datum: date | None, heute: date
) -> date | None:
    """The checked date of one answer; raises ``AktionAbgelehnt``."""
    name = f"{person.vorname} {person.nachname}".strip()
    if antwort not in ANTWORTEN:
        raise AktionAbgelehnt(
            deutsch(
                _(
                    "Bitte für ${person} eine Antwort wählen: willigt weiterhin "
                    "ein, Aufgabe endet oder Einwilligung widerrufen.",
                    mapping={"person": name},
                )
            ),
            field="antworten",
        )
    if antwort == WEITERHIN:
        return None
    if antwort == WIDERRUFEN:
        datum = datum or heute
        stichtage.widerruf_pruefen(person, datum, heute=heute)
        return datum
    if datum is None:
        raise AktionAbgelehnt(
            deutsch(
                _(
                    "Bitte für ${person} den Tag angeben, an dem die Aufgabe endet.",
                    mapping={"person": name},
                )
            ),
            field="datum",
        )
    von = getattr(person, "taetigkeit_von", None)
    if von and datum < von:
        raise AktionAbgelehnt(
            deutsch(
                _(
                    "Die Aufgabe von ${person} kann nicht vor ihrem Beginn "
                    "(${datum}) enden.",
                    mapping={"person": name, "datum": f"{von:%d.%m.%Y}"},
                )
            ),
            field="datum",
        )
    return datum


def aufgabe_beenden(person: IPerson, datum: date) -> None:
    """Set the end of the Person's task as its form does: the change is
    announced, so the day of entry is recorded (``stichtage``)."""
    with freigeben("Jährliche Überprüfung: Aufgabe endet"):
        person.taetigkeit_bis = datum
        notify(ObjectModifiedEvent(person, Attributes(IPersonSchema, "taetigkeit_bis")))
    person.reindexObject()


def beantworten(
    antrag: IAntrag,
    antworten: Mapping[str, tuple[str, date | None]],
    *,
    erneut: bool = False,
    heute: date | None = None,
) -> list[dict[str, Any]]:
    """Answer the open review of ``antrag``: ``antworten`` maps the id of
    each Person asked (:func:`zu_beantworten`) to ``(answer, date)``.
    Return the entries recorded, one per Person.

    Checks, in this order: a review is open (``AktionAbgelehnt``), the user
    is head or deputy of the Antrag's department (``Unauthorized``), every
    Person asked has a valid answer and no one else is named
    (``AktionAbgelehnt`` naming the Person). Only then is anything written:
    the consequences of each answer, then the record."""
    heute = heute or date.today()
    runde = offene_runde(antrag)
    if runde is None:
        raise AktionAbgelehnt(
            deutsch(_("Für diesen Antrag steht keine jährliche Überprüfung aus."))
        )
    if not darf_beantworten(antrag):
        raise Unauthorized(
            deutsch(
                _(
                    "Die jährliche Überprüfung beantworten nur die "
                    "Fachbereichsleitung und ihre Stellvertretung des Fachbereichs "
                    "dieses Antrags."
                )
            )
        )
    personen = zu_beantworten(antrag)
    ids = {p.getId() for p in personen}
    fremde = sorted(set(antworten) - ids)
    if fremde:
        raise AktionAbgelehnt(
            deutsch(
                _(
                    "Unbekannte Person: ${person}.",
                    mapping={"person": ", ".join(fremde)},
                )
            ),
            field="antworten",
        )
    geprueft = []
    for person in personen:
        antwort, datum = antworten.get(person.getId(), ("", None))
        geprueft.append((person, antwort, _pruefen(person, antwort, datum, heute)))
    vermerk = stichtage.vermerk(heute=heute)
    eintraege = []
    for person, antwort, datum in geprueft:
        if antwort == AUFGABE_ENDET and datum is not None:
            aufgabe_beenden(person, datum)
        elif antwort == WIDERRUFEN:
            einwilligung.widerruf_vermerken(person, datum=datum)
        eintrag = {
            "runde": runde["runde"],
            "person": person.getId(),
            "antwort": antwort,
            "datum": datum.isoformat() if datum else None,
            "erneut": bool(erneut),
            "wer": vermerk["von"],
            "zeit": vermerk["zeit"] or DateTime().ISO8601(),
        }
        IJobstand(antrag).antwort_vermerken(eintrag)
        eintraege.append(eintrag)
    antrag.reindexObject(idxs=["review_state"])  # ueberpruefung_offen_seit
    return eintraege


def erneut_verlangt(antrag: IAntrag) -> bool:
    """True if the head's last answer to a review says the approved account
    needs a re-application („Antrag erneut stellen“)."""
    if api.content.get_state(obj=antrag, default=None) != ZUSTAND:
        return False
    antworten = list(IJobstand(antrag).ueberpruefung_antworten)
    if not antworten:
        return False
    letzte = antworten[-1]["runde"]
    return any(a.get("erneut") for a in antworten if a["runde"] == letzte)


def antwort_text(eintrag: Mapping[str, Any]) -> str:
    """One answer in German words (Verlauf, mails, REST)."""
    text = deutsch(ANTWORTEN.get(eintrag["antwort"], eintrag["antwort"]))
    if eintrag.get("datum"):
        tag = f"{date.fromisoformat(eintrag['datum']):%d.%m.%Y}"
        if eintrag["antwort"] == WIDERRUFEN:
            text = f"{text} (am {tag})"
        else:
            text = f"{text} {tag}"
    return text
