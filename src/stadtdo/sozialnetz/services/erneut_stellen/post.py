"""``@erneut-stellen``: start a re-application of a submitted Antrag.

POST <antrag>/@erneut-stellen   -> 201, {"@id": <new draft>, ...}
"""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren import schritte


class ErneutStellenPost(SozialnetzService):
    def anlegen(self):
        """The step that creates the new draft: ``(draft, more answer)``."""
        return schritte.erneut_stellen(self.context), {}

    def antworten(self):
        self.json()  # no body needed; switches CSRF protection off like all POSTs
        neu, mehr = self.anlegen()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", neu.absolute_url())
        return {
            "@id": neu.absolute_url(),
            "antragsnummer": neu.antragsnummer,
            "antragsart": neu.antragsart,
            "vorgaenger": self.context.absolute_url(),
            **mehr,
        }
