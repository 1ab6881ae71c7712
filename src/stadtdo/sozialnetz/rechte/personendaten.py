"""The links of the Persons to user accounts as a store of personal data
(``datenschutz.speicher``, adapter ``stand.Kontostand``): in the Art. 15
report under each Person's ``benutzerkonto``; the anonymisation removes the
link from the Person and from each stored version of it.

Implements ``IPersonenbezogeneDaten`` itself: the base class lives in
``datenschutz``, a layer above the rights."""

from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte.stand import Kontostand
from zope.interface import implementer


@implementer(IPersonenbezogeneDaten)
class Benutzerkonten:
    name = "konten"
    titel = "Verknüpfung der Personen mit ihren Benutzerkonten (wer, wann, wie)"
    abschnitt = None
    verzeichnis = ("benutzer",)
    person_abschnitt = "benutzerkonto"

    def adressen(self, userid):
        return ()

    def auskunft(self, anfrage):
        return []

    def anonymisieren(self, antrag, *, email, muster):
        return None

    def person_auskunft(self, person):
        return konten.verknuepfung(person)

    def person_anonymisieren(self, person):
        # the class, not the adapter: a stored copy is adapted too
        return Kontostand(person).loesen()
