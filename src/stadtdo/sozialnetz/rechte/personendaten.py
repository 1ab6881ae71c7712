"""The links of the Persons to user accounts as a store of personal data
(``datenschutz.speicher``, adapter ``stand.Kontostand``): in the Art. 15
report under each Person's ``benutzerkonto``; the anonymisation removes the
link from the Person and from each stored version of it.

Based on ``infrastruktur.personendaten.OhneAntragsdaten``: the base class
of ``datenschutz.speicher`` lives a layer above the rights."""

from stadtdo.sozialnetz.infrastruktur.personendaten import OhneAntragsdaten
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte.stand import Kontostand


class Benutzerkonten(OhneAntragsdaten):
    name = "konten"
    titel = "Verknüpfung der Personen mit ihren Benutzerkonten (wer, wann, wie)"
    verzeichnis = ("benutzer",)
    person_abschnitt = "benutzerkonto"

    def person_auskunft(self, person):
        return konten.verknuepfung(person)

    def person_anonymisieren(self, person):
        # the class, not the adapter: a stored copy is adapted too
        return Kontostand(person).loesen()
