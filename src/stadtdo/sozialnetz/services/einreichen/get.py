"""``@einreichen``: can this Antrag be submitted, and if not, why not?

GET <antrag>/@einreichen  -> {"einreichbar": false, "hindernisse": [...]}
"""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren.einreichen import hindernisse


class EinreichenGet(SozialnetzService):
    def antworten(self):
        reasons = hindernisse(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@einreichen",
            "einreichbar": not reasons,
            "hindernisse": reasons,
        }
