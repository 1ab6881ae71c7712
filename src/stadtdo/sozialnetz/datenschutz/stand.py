"""What data protection left on an Antrag (annotation adapter, issue 22):
the anonymisations (``aufbewahrung``), the consent withdrawals
(``einwilligung``) and the reminder that an untouched draft will be deleted
(``entwuerfe``). Before profile version 1004 they were the bare attributes
``anonymisierungen``, ``einwilligungen_widerrufen``, ``entwurf_erinnert_am``
and ``entwurf_erinnert`` (``upgrades.v1004``)."""

from __future__ import annotations

from datetime import date
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
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
