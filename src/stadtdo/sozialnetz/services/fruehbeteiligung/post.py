"""``@fruehbeteiligung``: the department invites the DSB into its draft, the
invited DSB leaves a note; the answer is the state (``get.py``).

POST <antrag>/@fruehbeteiligung  {"aktion": "einladen"}
POST <antrag>/@fruehbeteiligung  {"aktion": "hinweis", "text": "..."}
"""

from stadtdo.sozialnetz.datenschutz import fruehbeteiligung as frueh
from stadtdo.sozialnetz.infrastruktur.dienst import EINZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import MEHRZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.services.fruehbeteiligung.get import fruehbeteiligung


class FruehbeteiligungPost(SozialnetzService):
    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        werte = self.eingabe(data, aktion=EINZEILIG, text=MEHRZEILIG)
        if werte["aktion"] == "einladen":
            frueh.einladen(self.context)
        elif werte["aktion"] == "hinweis":
            frueh.hinweis_geben(self.context, werte["text"] or "")
        else:
            return self.error(
                400,
                "Angabe „aktion“ fehlt oder ist unbekannt: „einladen“ oder „hinweis“.",
                field="aktion",
            )
        return fruehbeteiligung(self.context)
