"""What the content types keep on an Antrag outside its schema (annotation
adapter, issue 22): the counter of its Anlagen' short names (``namen``; a
number is never given twice). Before profile version 1005 it was the bare
attribute ``anlagen_zaehler`` (``upgrades.v1005``)."""

from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


ANLAGEN_ZAEHLER = "anlagen_zaehler"
#: the attributes this adapter took over (profile version 1005)
ATTRIBUTE = (ANLAGEN_ZAEHLER,)


class IInhaltsstand(Interface):
    """What the content types keep on an Antrag outside its schema."""


@implementer(IInhaltsstand)
@adapter(IAntrag)
class Inhaltsstand(Vermerke):
    KEY = "stadtdo.sozialnetz.content.stand"

    @property
    def anlagen_zaehler(self) -> int:
        """The highest number given to an Anlage's short name (0: none)."""
        return self.wert(ANLAGEN_ZAEHLER, 0)

    def anlagen_zaehler_setzen(self, zaehler: int) -> None:
        self.setzen(ANLAGEN_ZAEHLER, zaehler)
