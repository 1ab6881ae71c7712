"""``@verantwortung-uebertragen``: „Verantwortung übertragen“ on an approved
Antrag flagged „Verantwortung klären“ (offboarding).

POST <antrag>/@verantwortung-uebertragen
  -> 201, {"@id": <new draft>, "ohne_personen": ["Erika Mustermann"], ...}

Same rights and rules as ``@erneut-stellen`` (``verfahren.schritte``).
"""

from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.services.base import SozialnetzService
from stadtdo.sozialnetz.verfahren import schritte
from zExceptions import Unauthorized


class VerantwortungUebertragenPost(SozialnetzService):
    def reply(self):
        self.json()  # no body needed; switches CSRF protection off like all POSTs
        try:
            neu, ohne = schritte.verantwortung_uebertragen(self.context)
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        except Unauthorized as error:
            return self.forbidden(str(error))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", neu.absolute_url())
        return {
            "@id": neu.absolute_url(),
            "antragsnummer": neu.antragsnummer,
            "antragsart": neu.antragsart,
            "vorgaenger": self.context.absolute_url(),
            "ohne_personen": ohne,
        }
