"""``@sozialnetz-report`` on the database folder: JSON, or CSV with
``Accept: text/csv``.

    curl -u poa:demo-poa -H 'Accept: application/json' \\
      'http://localhost:8080/Plone/soziale-netzwerke/@sozialnetz-report?status=genehmigt'

``?verantwortung=1``: only the Anträge flagged „Verantwortung klären“.
"""

from stadtdo.sozialnetz.berichte.bericht import csv_zeilen
from stadtdo.sozialnetz.berichte.bericht import report
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
import csv
import io


FILTER = ("fachbereich", "plattform", "status")


class ReportGet(SozialnetzService):
    def filters(self):
        werte = {key: self.request.form.get(key) or None for key in FILTER}
        if self.request.form.get("verantwortung"):
            werte["verantwortung"] = True  # only „Verantwortung klären“
        return werte

    def reply(self):
        try:
            data = report(self.context, **self.filters())
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        data["@id"] = f"{self.context.absolute_url()}/@sozialnetz-report"
        return data


class ReportCsvGet(ReportGet):
    def render(self):
        try:
            rows = list(csv_zeilen(self.context, **self.filters()))
        except AktionAbgelehnt as error:
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return f"{error.message}\n"
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        self.request.response.setHeader("Content-Type", "text/csv; charset=utf-8")
        self.request.response.setHeader(
            "Content-Disposition", 'attachment; filename="sozialnetz-report.csv"'
        )
        return out.getvalue()
