"""What the mails of an Antrag left on it (annotation adapter, issue 22):
the Systemhaus orders (``systemhaus``) and the deadline reminders and
escalations sent (``fristen``). Before profile version 1004 they were the
bare attributes ``systemhaus_auftraege`` and ``frist_mitteilungen``
(``upgrades.v1004``)."""

from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.infrastruktur.vermerke import Vermerke
from stadtdo.sozialnetz.interfaces import IMitteilungsstand
from zope.component import adapter
from zope.interface import implementer


SYSTEMHAUS = "systemhaus_auftraege"
FRISTEN = "frist_mitteilungen"
#: the attributes this adapter took over (profile version 1004)
ATTRIBUTE = (SYSTEMHAUS, FRISTEN)


__all__ = ["IMitteilungsstand", "Mitteilungsstand", "ist_offen"]


def ist_offen(auftrag):
    """True for an order that went out with a confirmation link (profile
    1008) and is not confirmed yet; the orders before 1008 are marked
    ``vor_einfuehrung`` and are never open."""
    return bool(
        auftrag.get("id")
        and auftrag.get("empfaenger")
        and not auftrag.get("vor_einfuehrung")
        and not auftrag.get("bestaetigt_am")
    )


@implementer(IMitteilungsstand)
@adapter(IAntrag)
class Mitteilungsstand(Vermerke):
    KEY = "stadtdo.sozialnetz.notifications.stand"

    @property
    def systemhaus_auftraege(self):
        """The Systemhaus orders, oldest first; empty while none went out.

        Entries: ``zeit``, ``empfaenger``, ``personen`` („Nachname, Vorname
        <email>“), ``hinweis``; since profile 1008 also ``id``, ``art``
        (``freischaltung`` or ``sperrung``), ``person_ids``, ``gruende``
        (Person id -> reason, a revocation only), ``bestaetigt_am``,
        ``erinnert_am``, ``eskaliert_am`` (ISO times or None); older orders
        carry ``vor_einfuehrung`` (no link, never reminded)."""
        return self.liste(SYSTEMHAUS) or ()

    def offene_auftraege(self):
        return [a for a in self.systemhaus_auftraege if ist_offen(a)]

    def auftrag(self, auftrag_id):
        """The order with the id ``auftrag_id``, or None."""
        for eintrag in self.systemhaus_auftraege:
            if auftrag_id and eintrag.get("id") == auftrag_id:
                return eintrag
        return None

    def auftrag_vermerken(self, eintrag):
        return self.anhaengen(SYSTEMHAUS, eintrag)

    @property
    def frist_mitteilungen(self):
        """Reminders and escalations sent (entries: gremium, faellig_seit,
        art, zeit, empfaenger)."""
        return self.liste(FRISTEN) or ()

    def frist_vermerken(self, eintrag):
        return self.anhaengen(FRISTEN, eintrag)
