"""``@votum``: recording a vote; the answer is the vote table (``get.py``).

POST <antrag>/@votum  {"gremium": "poa", "votum": "ja", "kommentar": "...",
                       "endgueltig": false}
"""

from stadtdo.sozialnetz.infrastruktur.dienst import EINZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import JA_NEIN
from stadtdo.sozialnetz.infrastruktur.dienst import MEHRZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.services.votum.get import votum_table
from stadtdo.sozialnetz.verfahren import schritte


class VotumPost(SozialnetzService):
    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        werte = self.eingabe(
            data,
            gremium=EINZEILIG,
            votum=EINZEILIG,
            kommentar=MEHRZEILIG,
            endgueltig=JA_NEIN,
        )
        for name in ("gremium", "votum"):
            if not werte[name]:
                return self.error(400, f"Angabe „{name}“ fehlt.", field=name)
        schritte.votum(
            self.context,
            gremium=werte["gremium"],
            votum=werte["votum"],
            kommentar=werte["kommentar"] or "",
            endgueltig=bool(werte["endgueltig"]),
        )
        return votum_table(self.context, self.request)
