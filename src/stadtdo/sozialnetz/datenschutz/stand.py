"""What data protection left on an Antrag and on a Person (annotation
adapters, issue 22).

``Datenschutzstand`` (Antrag): the anonymisations (``aufbewahrung``), the
consent withdrawals (``einwilligung``) and the reminder that an untouched
draft will be deleted (``entwuerfe``). Before profile version 1004 they were
the bare attributes ``anonymisierungen``, ``einwilligungen_widerrufen``,
``entwurf_erinnert_am`` and ``entwurf_erinnert`` (``upgrades.v1004``).

``DatenschutzstandPerson`` (Person, ``interfaces.IDatenschutzstandPerson``):
the withdrawal of consent with who recorded it (``einwilligung``), the day
the end of the task was entered (``stichtage``) and the day of the
anonymisation (``aufbewahrung``). Before profile version 1005 they were the
bare attributes ``einwilligung_widerrufen_am``,
``einwilligung_widerruf_vermerkt``, ``taetigkeit_bis_vermerkt`` and
``anonymisiert_am`` (``upgrades.v1005``)."""

from __future__ import annotations

from datetime import date
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.content.person import IPerson
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from typing import Any
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


ANONYMISIERUNGEN = "anonymisierungen"
WIDERRUFE = "einwilligungen_widerrufen"
ERINNERT_AM = "entwurf_erinnert_am"
ERINNERT = "entwurf_erinnert"
#: the attributes this adapter took over (profile version 1004)
ATTRIBUTE = (ANONYMISIERUNGEN, WIDERRUFE, ERINNERT_AM, ERINNERT)

WIDERRUFEN_AM = "einwilligung_widerrufen_am"
WIDERRUF_VERMERKT = "einwilligung_widerruf_vermerkt"
TAETIGKEIT_BIS_VERMERKT = "taetigkeit_bis_vermerkt"
ANONYMISIERT_AM = "anonymisiert_am"
#: the attributes of a Person ``DatenschutzstandPerson`` took over (profile
#: version 1005)
PERSON_ATTRIBUTE = (
    WIDERRUFEN_AM,
    WIDERRUF_VERMERKT,
    TAETIGKEIT_BIS_VERMERKT,
    ANONYMISIERT_AM,
)


class IDatenschutzstand(Interface):
    """The records data protection left on an Antrag."""


@implementer(IDatenschutzstand)
@adapter(IAntrag)
class Datenschutzstand(Vermerke):
    KEY = "stadtdo.sozialnetz.datenschutz.stand"

    @property
    def anonymisierungen(self) -> Any:
        """The anonymisations of its Persons (entries without the name:
        zeit, person, versionen, grund, anlagen_geloescht)."""
        return self.liste(ANONYMISIERUNGEN) or ()

    def anonymisierung_vermerken(self, eintrag: dict[str, Any]) -> Any:
        return self.anhaengen(ANONYMISIERUNGEN, eintrag)

    @property
    def einwilligungen_widerrufen(self) -> Any:
        """The withdrawals of consent recorded (entries: person, datum,
        vermerkt_am, wer, zeit)."""
        return self.liste(WIDERRUFE) or ()

    def widerruf_vermerken(self, eintrag: dict[str, Any]) -> Any:
        return self.anhaengen(WIDERRUFE, eintrag)

    @property
    def entwurf_erinnert_am(self) -> date | None:
        """The day the draft's deletion was announced, or None."""
        return self.wert(ERINNERT_AM)

    def entwurf_erinnert(self, tag: date, zeit: str) -> None:
        """Record the announcement of the draft's deletion."""
        self.setzen(ERINNERT_AM, tag)
        self.setzen(ERINNERT, zeit)


@implementer(IDatenschutzstandPerson)
@adapter(IPerson)
class DatenschutzstandPerson(Vermerke):
    KEY = "stadtdo.sozialnetz.datenschutz.person"

    @property
    def einwilligung_widerrufen_am(self) -> date | None:
        """The stated day consent was withdrawn, or None."""
        return self.wert(WIDERRUFEN_AM)

    @property
    def einwilligung_widerruf_vermerkt(self) -> dict[str, Any] | None:
        """Who recorded the withdrawal and when (``{am, von, zeit}``)."""
        return self.wert(WIDERRUF_VERMERKT)

    def widerruf_vermerken(self, datum: date, vermerk: dict[str, Any]) -> None:
        """Record the withdrawal stated for ``datum``."""
        self.setzen(WIDERRUFEN_AM, datum)
        self.setzen(WIDERRUF_VERMERKT, dict(vermerk))

    @property
    def taetigkeit_bis_vermerkt(self) -> dict[str, Any] | None:
        """The entry of the end of the task (``{am, von, zeit, wert}``)."""
        return self.wert(TAETIGKEIT_BIS_VERMERKT)

    def taetigkeit_bis_vermerken(self, eintrag: dict[str, Any] | None) -> None:
        """Record the entry of the end of the task (None: removes it)."""
        if eintrag is None:
            self.entfernen(TAETIGKEIT_BIS_VERMERKT)
        else:
            self.setzen(TAETIGKEIT_BIS_VERMERKT, dict(eintrag))

    @property
    def anonymisiert_am(self) -> date | None:
        """The day the Person was anonymised, or None."""
        return self.wert(ANONYMISIERT_AM)

    def anonymisiert(self, tag: date) -> None:
        """Record that the Person was anonymised on ``tag``."""
        self.setzen(ANONYMISIERT_AM, tag)
