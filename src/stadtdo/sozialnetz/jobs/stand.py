"""What the daily jobs left on an Antrag (annotation adapter, issue 22): the
yearly reviews of the consent sent (``ueberpruefungen``), the head's answers
(``ueberpruefung_antworten``) and the reminders of an unanswered review
(``ueberpruefung_mahnungen``, issue 23). Before profile version 1004 the
reviews were the bare attribute ``ueberpruefungen`` (``upgrades.v1004``).
The interface is declared in ``interfaces`` (the rule of the review in
``datenschutz.ueberpruefung`` reads it)."""

from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from stadtdo.sozialnetz.interfaces import IJobstand
from zope.component import adapter
from zope.interface import implementer


UEBERPRUEFUNGEN = "ueberpruefungen"
ANTWORTEN = "ueberpruefung_antworten"
MAHNUNGEN = "ueberpruefung_mahnungen"
#: the attributes this adapter took over (profile version 1004)
ATTRIBUTE = (UEBERPRUEFUNGEN,)

__all__ = ["IJobstand", "Jobstand"]


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

    def ueberpruefung_ersetzen(self, index, eintrag):
        """Replace the review entry at ``index`` (the entries are plain
        dicts: a change inside one would not be stored)."""
        self.liste(UEBERPRUEFUNGEN)[index] = eintrag

    @property
    def ueberpruefung_antworten(self):
        """The head's answers to the reviews, one entry per Person."""
        return self.liste(ANTWORTEN) or ()

    def antwort_vermerken(self, eintrag):
        return self.anhaengen(ANTWORTEN, eintrag)

    @property
    def ueberpruefung_mahnungen(self):
        """Reminders and escalations of unanswered reviews."""
        return self.liste(MAHNUNGEN) or ()

    def mahnung_vermerken(self, eintrag):
        return self.anhaengen(MAHNUNGEN, eintrag)
