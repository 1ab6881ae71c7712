"""``GET /soziale-netzwerke/@rechte-lokale-rollen``: the department roles
on every Fachbereich (StA 11; ``post.py`` grants or revokes one)."""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.mitglieder import lokale_rollen


class LokaleRollenGet(SozialnetzService):
    def antworten(self):
        return {
            "@id": f"{self.context.absolute_url()}/@rechte-lokale-rollen",
            "fachbereiche": lokale_rollen(self.context),
        }
