"""The registry of the stores of personal data (issue 22): every concern
that keeps personal data registers a named utility providing
``interfaces.IPersonenbezogeneDaten`` in its ``configure.zcml``; the
Art. 15 report and the anonymisation iterate them (``alle``).

``Speicher`` is the base of those utilities: it reports and anonymises
nothing until a subclass says so.
"""

from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from zope.component import getUtilitiesFor
from zope.interface import implementer


@implementer(IPersonenbezogeneDaten)
class Speicher:
    name = ""
    titel = ""
    abschnitt = None
    verzeichnis = ()

    def adressen(self, userid):
        return ()

    def auskunft(self, anfrage):
        return []

    def anonymisieren(self, antrag, *, email, muster):
        return None


def alle():
    """The registered stores, sorted by name."""
    return [
        speicher for _name, speicher in sorted(getUtilitiesFor(IPersonenbezogeneDaten))
    ]
