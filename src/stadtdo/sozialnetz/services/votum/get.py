"""``@votum``: the vote table of an Antrag (GET) and recording a vote (POST).

GET  <antrag>/@votum
POST <antrag>/@votum  {"gremium": "poa", "votum": "ja", "kommentar": "...",
                       "endgueltig": false}
"""

from plone import api
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.dienst import EINZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import JA_NEIN
from stadtdo.sozialnetz.infrastruktur.dienst import MEHRZEILIG
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.frist import fristen_je_gremium
from stadtdo.sozialnetz.verfahren.voten import beteiligung_ergebnis
from stadtdo.sozialnetz.verfahren.voten import kurzansicht
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen
from zExceptions import Unauthorized


def votum_table(context, request):
    """The vote table; every row carries its ``frist`` (ISO date of the
    deadline, None while the vote is not due)."""
    fristen = fristen_je_gremium(context)
    gremien = kurzansicht(context, request)
    for row in gremien:
        frist = fristen[row["gremium"]]
        row["frist"] = frist.isoformat() if frist else None
    return {
        "@id": f"{context.absolute_url()}/@votum",
        "antragsnummer": context.antragsnummer,
        "review_state": api.content.get_state(context),
        "gremien": gremien,
        "offene_rueckfragen": offene_rueckfragen(context),
        "ergebnis": beteiligung_ergebnis(context),
    }


class VotumGet(SozialnetzService):
    def reply(self):
        return votum_table(self.context, self.request)


class VotumPost(SozialnetzService):
    def reply(self):
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
        try:
            schritte.votum(
                self.context,
                gremium=werte["gremium"],
                votum=werte["votum"],
                kommentar=werte["kommentar"] or "",
                endgueltig=bool(werte["endgueltig"]),
            )
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        except Unauthorized as error:
            return self.forbidden(str(error))
        return votum_table(self.context, self.request)
