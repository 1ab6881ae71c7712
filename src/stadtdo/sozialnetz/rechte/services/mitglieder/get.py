"""``GET /soziale-netzwerke/@rechte-mitglieder``: the database's groups and
their members (StA 11; ``post.py`` adds or removes a member)."""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.mitglieder import mitglieder


class MitgliederGet(SozialnetzService):
    def antworten(self):
        return {
            "@id": f"{self.context.absolute_url()}/@rechte-mitglieder",
            "gruppen": mitglieder(self.context),
        }
