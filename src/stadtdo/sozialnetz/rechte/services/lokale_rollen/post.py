"""``POST @rechte-lokale-rollen`` on the database (StA 11): grant or revoke
a department role on a Fachbereich folder.

POST /soziale-netzwerke/@rechte-lokale-rollen
     {"ordner": "fb-50", "principal": "fb-50-datenschutzfachkraft",
      "rolle": "SNDatenschutzfachkraft", "erteilt": true}
     (only the folder's own group of the role: ``rechte.regeln``)
"""

from stadtdo.sozialnetz.rechte.mitglieder import lokale_rolle_aendern
from stadtdo.sozialnetz.rechte.mitglieder import lokale_rollen
from stadtdo.sozialnetz.rechte.services.mitglieder.post import AendernPost


class LokaleRollenPost(AendernPost):
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
