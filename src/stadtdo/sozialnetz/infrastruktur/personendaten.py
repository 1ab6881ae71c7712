"""The answers kept for REST writes with an Idempotency-Key as a store of
personal data (``datenschutz.speicher``): they may hold names and comments,
keyed by a fingerprint of user id and request. Not in the Art. 15 report
(``abschnitt`` None) – the daily job deletes them after 24 hours
(``idempotenz``) – and nothing to anonymise."""

from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from zope.interface import implementer


@implementer(IPersonenbezogeneDaten)
class Idempotenz:
    name = "idempotenz"
    titel = "Aufbewahrte Antworten auf wiederholbare REST-Schreibzugriffe"
    abschnitt = None
    verzeichnis = ("rest.idempotenz",)
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
