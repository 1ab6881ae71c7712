"""What the mails of an Antrag left on it (annotation adapter, issue 22):
the Systemhaus orders (``systemhaus``) and the deadline reminders and
escalations sent (``fristen``). Before profile version 1004 they were the
bare attributes ``systemhaus_auftraege`` and ``frist_mitteilungen``
(``upgrades.v1004``)."""

from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


SYSTEMHAUS = "systemhaus_auftraege"
FRISTEN = "frist_mitteilungen"
#: the attributes this adapter took over (profile version 1004)
ATTRIBUTE = (SYSTEMHAUS, FRISTEN)


class IMitteilungsstand(Interface):
    """The records the mails of an Antrag left on it."""


@implementer(IMitteilungsstand)
@adapter(IAntrag)
class Mitteilungsstand(Vermerke):
    KEY = "stadtdo.sozialnetz.notifications.stand"

    @property
    def systemhaus_auftraege(self):
        """The Systemhaus orders (entries: zeit, empfaenger, personen,
        hinweis), oldest first; empty while none went out."""
        return self.liste(SYSTEMHAUS) or ()

    def auftrag_vermerken(self, eintrag):
        return self.anhaengen(SYSTEMHAUS, eintrag)

    @property
    def frist_mitteilungen(self):
        """Reminders and escalations sent (entries: gremium, faellig_seit,
        art, zeit, empfaenger)."""
        return self.liste(FRISTEN) or ()

    def frist_vermerken(self, eintrag):
        return self.anhaengen(FRISTEN, eintrag)
