"""``@einreichen``: can this Antrag be submitted, and if not, why not?

GET <antrag>/@einreichen  -> {"einreichbar": false, "hindernisse": [...],
                              "hinweise": [...]}

``hinweise``: what the submitter should know before confirming, without
blocking (``verfahren.einreichen.hinweise``: „Leitung fehlt“).
"""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse
from stadtdo.sozialnetz.verfahren.einreichen import hinweise


class EinreichenGet(SozialnetzService):
    def antworten(self):
        reasons = hindernisse(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@einreichen",
            "einreichbar": not reasons,
            "hindernisse": reasons,
            "hinweise": hinweise(self.context),
        }
