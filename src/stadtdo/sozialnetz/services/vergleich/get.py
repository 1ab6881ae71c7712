"""``@vergleich``: what changed since the approved predecessor (Anlage 1
Nr. 3), the same comparison as the Antrag's page and the bodies' notice of
receipt (``verfahren.vergleich``).

GET <antrag>/@vergleich   -> 200, {"vorgaenger": {"@id", "antragsnummer"},
                                    "keine_aenderungen", "felder",
                                    "personen", "anlagen"}
                             ({"vorgaenger": null, "meldung"} without an
                             approved predecessor)
"""

from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren.vergleich import vergleich
from zope.i18n import translate


class VergleichGet(SozialnetzService):
    def antworten(self):
        url = f"{self.context.absolute_url()}/@vergleich"
        ergebnis = vergleich(self.context, request=self.request)
        if ergebnis is None:
            return {
                "@id": url,
                "vorgaenger": None,
                "meldung": translate(
                    _(
                        "Dieser Antrag hat keinen genehmigten Vorgänger; es gibt "
                        "nichts zu vergleichen."
                    ),
                    context=self.request,
                ),
            }
        return {"@id": url, **ergebnis.als_dict()}
