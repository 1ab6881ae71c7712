"""Which user account a Person is linked to (annotation adapter, issue 22):
the user id and who set the link, when and how (``konten``). Before profile
version 1005 they were the bare attributes ``benutzer`` and
``benutzer_verknuepft`` of the Person (``upgrades.v1005``)."""

from __future__ import annotations

from stadtdo.sozialnetz.content.person import IPerson
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from typing import Any
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


BENUTZER = "benutzer"
VERKNUEPFT = "benutzer_verknuepft"
#: the attributes this adapter took over (profile version 1005)
ATTRIBUTE = (BENUTZER, VERKNUEPFT)


class IKontostand(Interface):
    """The link of a Person to a user account."""


@implementer(IKontostand)
@adapter(IPerson)
class Kontostand(Vermerke):
    KEY = "stadtdo.sozialnetz.rechte.konto"

    @property
    def benutzer(self) -> str | None:
        """The user id the Person is linked to, or None."""
        return self.wert(BENUTZER) or None

    @property
    def benutzer_verknuepft(self) -> dict[str, Any] | None:
        """Who set the link, when and how (``{von, zeit, quelle}``, after a
        re-application also ``uebernommen_aus``), or None."""
        return self.wert(VERKNUEPFT)

    def verknuepfen(self, userid: str, vermerk: dict[str, Any]) -> None:
        """Link the Person to ``userid``, recording ``vermerk``."""
        self.setzen(BENUTZER, userid)
        self.setzen(VERKNUEPFT, dict(vermerk))

    def loesen(self) -> bool:
        """Remove the link; return True if there was one."""
        if self.benutzer is None and self.benutzer_verknuepft is None:
            return False
        self.entfernen(BENUTZER)
        self.entfernen(VERKNUEPFT)
        return True
