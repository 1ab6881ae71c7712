"""The registry of the stores of personal data (issue 22): every concern
that keeps personal data registers a named utility providing
``interfaces.IPersonenbezogeneDaten`` in its ``configure.zcml``; the
Art. 15 report and the anonymisation iterate them (``alle``).

``Speicher`` is the base of those utilities: it reports and anonymises
nothing until a subclass says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from typing import Any
from zope.component import getUtilitiesFor
from zope.interface import implementer


@implementer(IPersonenbezogeneDaten)
class Speicher:
    name: str = ""
    titel: str = ""
    abschnitt: str | None = None
    verzeichnis: tuple[str, ...] = ()
    person_abschnitt: str | None = None

    def adressen(self, userid: str) -> Iterable[str]:
        return ()

    def auskunft(self, anfrage: Any) -> list[Any] | dict[str, Any]:
        return []

    def anonymisieren(self, antrag: Any, *, email: str, muster: Any) -> Any:
        return None

    def person_auskunft(self, person: Any) -> Any:
        return None

    def person_anonymisieren(self, person: Any) -> bool:
        return False


def alle() -> list[Speicher]:
    """The registered stores, sorted by name."""
    return [
        speicher for _name, speicher in sorted(getUtilitiesFor(IPersonenbezogeneDaten))
    ]
