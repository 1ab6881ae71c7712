"""``@einwilligung-widerrufen`` on a Person: record that the Person withdrew
consent (DV § 2), optionally with ``{"datum": "JJJJ-MM-TT"}`` (default today;
not before the consent or the Antrag, not in the future: 400 naming the limit).
The retention period runs from the day it is recorded (``stichtage``).

The department of the Antrag and StA 11 may; others get 401/403. The logic
is ``datenschutz.einwilligung.widerruf_vermerken`` (not a workflow step: it
fires no transition, its permission is its guard)."""

from stadtdo.sozialnetz.datenschutz import einwilligung
from stadtdo.sozialnetz.datenschutz import stichtage
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService


class EinwilligungWiderrufenPost(SozialnetzService):
    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        datum = stichtage.datum_lesen(data.get("datum"))
        eintrag = einwilligung.widerruf_vermerken(self.context, datum=datum)
        return {
            "@id": f"{self.context.absolute_url()}/@einwilligung-widerrufen",
            "person": eintrag["person"],
            "einwilligung_widerrufen_am": eintrag["datum"],
            "vermerkt_am": eintrag["vermerkt_am"],
            "vermerkt_von": eintrag["wer"],
        }
