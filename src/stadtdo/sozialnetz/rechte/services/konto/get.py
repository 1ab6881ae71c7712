"""``@benutzerkonto`` on a Person (StA 11): the user account the Person is
(``rechte.konten``). ``GET`` shows the link with who set it, ``POST
{"benutzer": "<user id>"}`` links, ``{"benutzer": null}`` unlinks."""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte import konten


class BenutzerkontoGet(SozialnetzService):
    def antworten(self):
        return {
            "@id": f"{self.context.absolute_url()}/@benutzerkonto",
            "verknuepfung": konten.verknuepfung(self.context),
        }
