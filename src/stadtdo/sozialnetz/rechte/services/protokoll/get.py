"""``GET /soziale-netzwerke/@rechte-protokoll``: the record of every change
of rights, newest first; ``?principal=<id>`` filters, ``?limit=<n>`` caps."""

from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.rechte.protokoll import eintraege


class ProtokollGet(SozialnetzService):
    def antworten(self):
        limit = self.request.form.get("limit")
        try:
            limit = int(limit) if limit else None
        except (TypeError, ValueError):  # also a repeated ?limit=
            return self.error(400, "„limit“ muss eine Zahl sein.", field="limit")
        items = eintraege(principal=self.request.form.get("principal"), limit=limit)
        return {
            "@id": f"{self.context.absolute_url()}/@rechte-protokoll",
            "items_total": len(items),
            "items": items,
        }
