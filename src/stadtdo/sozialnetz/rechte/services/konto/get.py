"""``@benutzerkonto`` on a Person (StA 11): the user account the Person is
(``rechte.konten``). ``GET`` shows the link with who set it, ``POST
{"benutzer": "<user id>"}`` links, ``{"benutzer": null}`` unlinks."""

from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte import konten
from zExceptions import Unauthorized


class BenutzerkontoGet(SozialnetzService):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@benutzerkonto",
            "verknuepfung": konten.verknuepfung(self.context),
        }


class BenutzerkontoPost(BenutzerkontoGet):
    def reply(self):
        data = self.json()
        if data is None or "benutzer" not in data:
            return self.error(
                400,
                "Bitte geben Sie mit „benutzer“ eine Benutzerkennung an (null löst "
                "die Verknüpfung).",
                field="benutzer",
            )
        benutzer = data["benutzer"]
        if benutzer is not None and not isinstance(benutzer, str):
            return self.error(
                400, "„benutzer“ muss eine Benutzerkennung sein.", field="benutzer"
            )
        try:
            konten.verknuepfen(self.context, benutzer)
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        except Unauthorized as error:
            return self.forbidden(str(error))
        return super().reply()
