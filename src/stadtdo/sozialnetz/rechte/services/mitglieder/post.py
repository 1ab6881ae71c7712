"""``@rechte-mitglieder`` and ``@rechte-lokale-rollen`` on the database.

GET  /soziale-netzwerke/@rechte-mitglieder
POST /soziale-netzwerke/@rechte-mitglieder
     {"gruppe": "fb-10-mitarbeiter", "benutzer": "mitarbeiter50", "mitglied": true}
GET  /soziale-netzwerke/@rechte-lokale-rollen
POST /soziale-netzwerke/@rechte-lokale-rollen
     {"ordner": "fb-50", "principal": "fb-50-datenschutzfachkraft",
      "rolle": "SNDatenschutzfachkraft", "erteilt": true}
     (only the folder's own group of the role: ``rechte.regeln``)
"""

from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.mitglieder import lokale_rolle_aendern
from stadtdo.sozialnetz.rechte.mitglieder import lokale_rollen
from stadtdo.sozialnetz.rechte.mitglieder import mitglieder
from stadtdo.sozialnetz.rechte.mitglieder import mitgliedschaft_aendern
from stadtdo.sozialnetz.rechte.mitglieder import NichtErlaubt


class MitgliederGet(SozialnetzService):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@rechte-mitglieder",
            "gruppen": mitglieder(self.context),
        }


class _Aendern(SozialnetzService):
    felder = ()
    schalter = ""

    def aendern(self, data):
        raise NotImplementedError

    def reply(self):
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
        try:
            geaendert = self.aendern(data)
        except NichtErlaubt as error:
            return self.error(403, error.message, field=error.field)
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        return {"geaendert": geaendert, **self.stand()}


class MitgliederPost(_Aendern):
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


class LokaleRollenGet(SozialnetzService):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@rechte-lokale-rollen",
            "fachbereiche": lokale_rollen(self.context),
        }


class LokaleRollenPost(_Aendern):
    felder = ("ordner", "principal", "rolle")
    schalter = "erteilt"

    def aendern(self, data):
        return lokale_rolle_aendern(
            self.context,
            ordner=data["ordner"],
            principal=data["principal"],
            rolle=data["rolle"],
            erteilt=data["erteilt"],
        )

    def stand(self):
        return {"fachbereiche": lokale_rollen(self.context)}
