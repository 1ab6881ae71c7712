"""``POST @rechte-mitglieder`` on the database (StA 11): add or remove a
member of one of its groups; the scope is checked in ``rechte.mitglieder``.

POST /soziale-netzwerke/@rechte-mitglieder
     {"gruppe": "fb-10-mitarbeiter", "benutzer": "mitarbeiter50", "mitglied": true}
"""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.mitglieder import mitglieder
from stadtdo.sozialnetz.rechte.mitglieder import mitgliedschaft_aendern
from stadtdo.sozialnetz.rechte.mitglieder import NichtErlaubt


class AendernPost(SozialnetzService):
    """A POST that switches one membership or local role on or off: the
    text fields ``felder`` and the yes/no ``schalter`` are required; the
    answer is ``{"geaendert": …}`` with the state after it (``stand``)."""

    #: outside StA 11's scope or against the separation of duties
    verboten = (NichtErlaubt,)
    felder = ()
    schalter = ""

    def aendern(self, data):
        raise NotImplementedError

    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        for name in self.felder:
            if not isinstance(data.get(name), str) or not data[name]:
                return self.error(400, f"Angabe „{name}“ fehlt.", field=name)
        if not isinstance(data.get(self.schalter), bool):
            return self.error(
                400,
                f"Angabe „{self.schalter}“ muss true oder false sein.",
                field=self.schalter,
            )
        geaendert = self.aendern(data)
        return {"geaendert": geaendert, **self.stand()}


class MitgliederPost(AendernPost):
    felder = ("gruppe", "benutzer")
    schalter = "mitglied"

    def aendern(self, data):
        return mitgliedschaft_aendern(
            self.context,
            gruppe=data["gruppe"],
            benutzer=data["benutzer"],
            mitglied=data["mitglied"],
        )

    def stand(self):
        return {"gruppen": mitglieder(self.context)}
