"""``@@auskunft``: the Art. 15 report as a readable page (the same data as
the REST service ``@auskunft``, as the rows of its CSV)."""

from Products.Five.browser import BrowserView
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from stadtdo.sozialnetz.datenschutz.auskunft import csv_zeilen


class AuskunftView(BrowserView):
    def anfrage(self):
        value = self.request.form.get("person")
        return value.strip() if isinstance(value, str) else ""

    def zeilen(self):
        """Header and rows of the report, or None without a query."""
        anfrage = self.anfrage()
        if not anfrage:
            return None
        zeilen = list(csv_zeilen(auskunft(self.context, anfrage)))
        return {"kopf": zeilen[0], "zeilen": zeilen[1:]}

    def csv_url(self):
        return f"{self.context.absolute_url()}/@auskunft"
