"""Votes (Voten/Stellungnahmen) of the review bodies and the FB's answers.

Each body's votes live in their own persistent record, so the record of one
body is never written by another body's vote. Every vote and answer is also a
workflow transition (``votum_<body>``, ``stellungnahme_abgeben``,
``rueckfrage_beantworten``): the workflow checks that the vote is due and
permitted, writes it to the workflow history (actor, time, comment, body,
vote), and its automatic transitions decide the Antrag once POA and
Personalrat have voted.

Two bodies voting at the same moment both touch the Antrag's workflow
history; ZODB reports a conflict for the later commit and Zope's publisher
repeats that request, so neither vote is lost (see tests/workflow/
test_concurrency.py).
"""

from __future__ import annotations

from BTrees.OOBTree import OOBTree
from collections.abc import MutableMapping
from DateTime import DateTime
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.infrastruktur.speicher import annotation
from typing import Any
from typing import Literal
from typing import overload
from typing import TYPE_CHECKING
from zope.i18n import translate


if TYPE_CHECKING:
    from stadtdo.sozialnetz.content.antrag import IAntrag
    from zope.publisher.interfaces.browser import IBrowserRequest


ANNOTATION_KEY = "stadtdo.sozialnetz.voten"

OFFEN = "offen"
IN_BEARBEITUNG = "in_bearbeitung"
JA = "ja"
NEIN = "nein"
RUECKFRAGE = "rueckfrage"

#: Values a body may record, with their labels in the Kurzansicht.
VOTEN = {
    IN_BEARBEITUNG: _("in Bearbeitung"),
    JA: _("Ja"),
    NEIN: _("Nein"),
    RUECKFRAGE: _("Rückfrage"),
}
#: Shown instead of ``offen`` or ``in Bearbeitung`` once the process has
#: ended: the body gave no vote (``angezeigt``).
KEIN_VOTUM = "kein_votum"
VOTUM_TITEL = {OFFEN: _("offen"), **VOTEN, KEIN_VOTUM: _("kein Votum")}
#: What a body that did not vote may record after the end of the process
#: (``nach_abschluss``, domain.md §4): its assessment, not a question.
NACH_ABSCHLUSS = (JA, NEIN)

ANTWORT = "antwort"


class GremiumVoten(Persistent):
    """All votes and answers concerning one body, oldest first."""

    def __init__(self) -> None:
        self.eintraege = PersistentList()


# ``create=True`` always gives a storage, the lookup alone may find none.
@overload
def _storage(
    antrag: IAntrag, *, create: Literal[True]
) -> MutableMapping[str, GremiumVoten]: ...


@overload
def _storage(
    antrag: IAntrag, *, create: bool = False
) -> MutableMapping[str, GremiumVoten] | None: ...


def _storage(
    antrag: IAntrag, *, create: bool = False
) -> MutableMapping[str, GremiumVoten] | None:
    return annotation(antrag, ANNOTATION_KEY, _neue_voten if create else None)


def _neue_voten() -> OOBTree:
    """The votes of a new Antrag: one ``GremiumVoten`` per body."""
    storage = OOBTree()
    for gremium in GREMIEN:
        storage[gremium.id] = GremiumVoten()
    return storage


def eintraege(antrag: IAntrag, gremium_id: str) -> list[dict[str, Any]]:
    """All entries (votes and FB answers) for one body, oldest first."""
    storage = _storage(antrag)
    if storage is None or gremium_id not in storage:
        return []
    return list(storage[gremium_id].eintraege)


def aktuelles_votum(antrag: IAntrag, gremium_id: str) -> dict[str, Any]:
    """The body's current vote entry, or a synthetic ``offen`` entry."""
    for eintrag in reversed(eintraege(antrag, gremium_id)):
        if eintrag["art"] == "votum":
            return eintrag
    return {
        "art": "votum",
        "votum": OFFEN,
        "kommentar": "",
        "autor": None,
        "zeit": None,
    }


def offene_rueckfragen(antrag: IAntrag) -> list[str]:
    """Ids of the bodies whose latest entry is an unanswered Rückfrage."""
    result = []
    for gremium in GREMIEN:
        entries = eintraege(antrag, gremium.id)
        if (
            entries
            and entries[-1]["art"] == "votum"
            and entries[-1]["votum"] == RUECKFRAGE
        ):
            result.append(gremium.id)
    return result


def angezeigt(votum: str, *, beendet: bool) -> str:
    """The vote as the Kurzansicht, the report and the mails show it: once
    the process has ended, a body that gave no Ja or Nein has ``kein_votum``
    instead of ``offen``, ``in_bearbeitung`` or its (answered) Rückfrage."""
    if beendet and votum in (OFFEN, IN_BEARBEITUNG, RUECKFRAGE):
        return KEIN_VOTUM
    return votum


def beteiligung_ergebnis(antrag: IAntrag) -> str | None:
    """``genehmigt`` once POA and Personalrat both voted Ja; ``abgelehnt``
    once one of them voted Nein and confirmed it as final; else None – and
    None while any body's Rückfrage is unanswered: nothing is decided over an
    open question (DV § 4, domain.md §4)."""
    if offene_rueckfragen(antrag):
        return None
    return _ergebnis_der_voten(antrag)


def entscheidung_wartet_auf(antrag: IAntrag) -> list[str]:
    """The bodies (ids) whose unanswered Rückfrage holds back the decision
    that the votes of POA and Personalrat would already make – what POA and
    Personalrat are shown as the reason; empty when nothing waits."""
    if _ergebnis_der_voten(antrag) is None:
        return []
    return offene_rueckfragen(antrag)


def _ergebnis_der_voten(antrag: IAntrag) -> str | None:
    entscheidende = [g for g in GREMIEN if g.zustimmung_erforderlich]
    voten = [aktuelles_votum(antrag, g.id) for g in entscheidende]
    if any(v["votum"] == NEIN and v.get("endgueltig") for v in voten):
        return "abgelehnt"
    if all(v["votum"] == JA for v in voten):
        return "genehmigt"
    return None


def kurzansicht(
    antrag: IAntrag,
    request: IBrowserRequest | None = None,
    target_language: str | None = None,
    *,
    beendet: bool = False,
) -> list[dict[str, Any]]:
    """The vote table: one row per body in Kurzansicht order.

    Labels are translated for ``request`` (default: the current request), or
    into ``target_language`` if given (mails are German). ``beendet``: the
    process has ended (``angezeigt``); ``workflow.kurzansicht`` says so.
    """
    request = request if request is not None else api.env.getRequest()

    def t(msgid: str) -> str:
        return translate(msgid, context=request, target_language=target_language)

    rows = []
    offen = set(offene_rueckfragen(antrag))
    for gremium in GREMIEN:
        votum = aktuelles_votum(antrag, gremium.id)
        wert = angezeigt(votum["votum"], beendet=beendet)
        rows.append(
            {
                "gremium": gremium.id,
                "titel": t(gremium.titel),
                "spalte": t(gremium.spalte),
                # the vote as recorded; ``anzeige`` as shown (``angezeigt``)
                "votum": votum["votum"],
                "anzeige": wert,
                "votum_titel": t(VOTUM_TITEL[wert]),
                "endgueltig": bool(votum.get("endgueltig")),
                "nach_abschluss": bool(votum.get("nach_abschluss")),
                "kommentar": votum.get("kommentar", ""),
                "autor": votum.get("autor"),
                "autor_name": votum.get("autor_name"),
                "zeit": votum.get("zeit"),
                "rueckfrage_offen": gremium.id in offen,
                "verlauf": eintraege(antrag, gremium.id),
            }
        )
    return rows


def eintragen(antrag: IAntrag, gremium_id: str, **entry: Any) -> dict[str, Any]:
    """Append a vote or answer entry for ``gremium_id``, by the current user.

    Only ``verfahren.schritte`` calls this, right before it fires the
    transition that records the same step in the workflow history.
    """
    user = api.user.get_current()
    entry.update(
        autor=user.getId(),
        autor_name=user.getProperty("fullname") or user.getId(),
        zeit=DateTime().ISO8601(),
    )
    _storage(antrag, create=True)[gremium_id].eintraege.append(entry)
    return entry
