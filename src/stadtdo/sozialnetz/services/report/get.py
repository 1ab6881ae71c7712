"""``@sozialnetz-report`` on the database folder: JSON, or CSV with
``Accept: text/csv``.

    curl -u poa:demo-poa -H 'Accept: application/json' \\
      'http://localhost:8080/Plone/soziale-netzwerke/@sozialnetz-report?status=genehmigt'

``?verantwortung=1``: only the Anträge flagged „Verantwortung klären“.
"""

from stadtdo.sozialnetz.berichte.bericht import csv_zeilen
from stadtdo.sozialnetz.berichte.bericht import report
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService


FILTER = ("fachbereich", "plattform", "status")


class ReportGet(SozialnetzService):
    def filters(self):
        werte = {key: self.request.form.get(key) or None for key in FILTER}
        if self.request.form.get("verantwortung"):
            werte["verantwortung"] = True  # only „Verantwortung klären“
        return werte

    def antworten(self):
        data = report(self.context, **self.filters())
        data["@id"] = f"{self.context.absolute_url()}/@sozialnetz-report"
        return data


class ReportCsvGet(ReportGet):
    def render(self):
        return self.csv_datei(
            lambda: csv_zeilen(self.context, **self.filters()),
            "sozialnetz-report.csv",
        )
