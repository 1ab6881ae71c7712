"""``@einwilligung-widerrufen`` on a Person: record that the Person withdrew
consent (DV § 2), optionally with ``{"datum": "JJJJ-MM-TT"}`` (default today).

The department of the Antrag and StA 11 may; others get 401/403. The logic
is ``verfahren.schritte.einwilligung_widerrufen``."""

from datetime import date
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.services.base import SozialnetzService
from stadtdo.sozialnetz.verfahren import schritte
from zExceptions import Unauthorized


class EinwilligungWiderrufenPost(SozialnetzService):
    def reply(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        datum = None
        if data.get("datum"):
            try:
                datum = date.fromisoformat(str(data["datum"]))
            except ValueError:
                return self.error(
                    400,
                    "Ungültiges Datum: bitte im Format JJJJ-MM-TT angeben.",
                    field="datum",
                )
        try:
            eintrag = schritte.einwilligung_widerrufen(self.context, datum=datum)
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        except Unauthorized as error:
            return self.forbidden(str(error))
        return {
            "@id": f"{self.context.absolute_url()}/@einwilligung-widerrufen",
            "person": eintrag["person"],
            "einwilligung_widerrufen_am": eintrag["datum"],
        }
