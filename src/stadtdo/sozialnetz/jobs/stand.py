"""What the daily jobs left on an Antrag (annotation adapter, issue 22): the
yearly reviews of the consent sent (``ueberpruefungen``). Before profile
version 1004 it was the bare attribute ``ueberpruefungen``
(``upgrades.v1004``)."""

from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


UEBERPRUEFUNGEN = "ueberpruefungen"
#: the attributes this adapter took over (profile version 1004)
ATTRIBUTE = (UEBERPRUEFUNGEN,)


class IJobstand(Interface):
    """The records the daily jobs left on an Antrag."""


@implementer(IJobstand)
@adapter(IAntrag)
class Jobstand(Vermerke):
    KEY = "stadtdo.sozialnetz.jobs.stand"

    @property
    def ueberpruefungen(self):
        """The yearly reviews sent (entries: runde, zeit, empfaenger)."""
        return self.liste(UEBERPRUEFUNGEN) or ()

    def ueberpruefung_vermerken(self, eintrag):
        return self.anhaengen(UEBERPRUEFUNGEN, eintrag)
