"""``@rueckfrage``: the FB answers the open Rückfrage of a body.

POST <antrag>/@rueckfrage  {"gremium": "personalrat", "antwort": "..."}
"""

from stadtdo.sozialnetz.infrastruktur.dienst import EINZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import MEHRZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.services.votum.get import votum_table
from stadtdo.sozialnetz.verfahren import schritte


class RueckfragePost(SozialnetzService):
    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        werte = self.eingabe(data, gremium=EINZEILIG, antwort=MEHRZEILIG)
        if not werte["gremium"]:
            return self.error(400, "Angabe „gremium“ fehlt.", field="gremium")
        schritte.rueckfrage_beantworten(
            self.context, gremium=werte["gremium"], antwort=werte["antwort"] or ""
        )
        return votum_table(self.context, self.request)
