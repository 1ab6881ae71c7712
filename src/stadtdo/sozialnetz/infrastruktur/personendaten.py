"""The answers kept for REST writes with an Idempotency-Key as a store of
personal data (``datenschutz.speicher``): they may hold names and comments,
keyed by a fingerprint of user id and request. Not in the Art. 15 report
(``abschnitt`` None) – the daily job deletes them after 24 hours
(``idempotenz``) – and nothing to anonymise."""

from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from zope.interface import implementer


@implementer(IPersonenbezogeneDaten)
class OhneAntragsdaten:
    """A store that holds nothing the Art. 15 report lists per address or
    the anonymisation removes per Antrag; a subclass names itself and adds
    what it keeps at each Person (``person_auskunft``,
    ``person_anonymisieren``). Here, below the layers, so that the rights
    (``rechte.personendaten``) can use it too."""

    name = ""
    titel = ""
    abschnitt = None
    verzeichnis: tuple[str, ...] = ()
    person_abschnitt = None

    def adressen(self, userid):
        return ()

    def auskunft(self, anfrage):
        return []

    def anonymisieren(self, antrag, *, email, muster):
        return None

    def person_auskunft(self, person):
        return None

    def person_anonymisieren(self, person):
        return False


class Idempotenz(OhneAntragsdaten):
    name = "idempotenz"
    titel = "Aufbewahrte Antworten auf wiederholbare REST-Schreibzugriffe"
    verzeichnis = ("rest.idempotenz",)
