"""``@votum``: the vote table of an Antrag (GET; the vote is recorded by
``post.py``).

GET  <antrag>/@votum
"""

from plone import api
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren import workflow
from stadtdo.sozialnetz.verfahren.frist import fristen_je_gremium
from stadtdo.sozialnetz.verfahren.voten import beteiligung_ergebnis
from stadtdo.sozialnetz.verfahren.voten import entscheidung_wartet_auf
from stadtdo.sozialnetz.verfahren.voten import offene_rueckfragen


def votum_table(context, request):
    """The vote table; every row carries its ``frist`` (ISO date of the
    deadline, None while the vote is not due)."""
    fristen = fristen_je_gremium(context)
    gremien = workflow.kurzansicht(context, request)
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
        "entscheidung_wartet_auf": entscheidung_wartet_auf(context),
    }


class VotumGet(SozialnetzService):
    def antworten(self):
        return votum_table(self.context, self.request)
