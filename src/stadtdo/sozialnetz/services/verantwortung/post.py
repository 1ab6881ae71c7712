"""``@verantwortung-uebertragen``: „Verantwortung übertragen“ on an approved
Antrag flagged „Verantwortung klären“ (offboarding).

POST <antrag>/@verantwortung-uebertragen
  -> 201, {"@id": <new draft>, "ohne_personen": ["Erika Mustermann"], ...}

Same rights and rules as ``@erneut-stellen`` (``verfahren.schritte``).
"""

from stadtdo.sozialnetz.services.erneut_stellen.post import ErneutStellenPost
from stadtdo.sozialnetz.verfahren import schritte


class VerantwortungUebertragenPost(ErneutStellenPost):
    """``@erneut-stellen``'s answer, made by „Verantwortung übertragen“ and
    naming the persons left out."""

    def anlegen(self):
        neu, ohne = schritte.verantwortung_uebertragen(self.context)
        return neu, {"ohne_personen": ohne}
