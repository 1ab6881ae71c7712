"""``@fruehbeteiligung``: the DSB's early involvement in a draft (GET; the
invitation and the notes are recorded by ``post.py``).

GET  <antrag>/@fruehbeteiligung
"""

from stadtdo.sozialnetz.datenschutz.fruehbeteiligung import stand
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService


def fruehbeteiligung(context):
    return {"@id": f"{context.absolute_url()}/@fruehbeteiligung", **stand(context)}


class FruehbeteiligungGet(SozialnetzService):
    def antworten(self):
        return fruehbeteiligung(self.context)
