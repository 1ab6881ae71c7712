"""``@auskunft`` on the database folder: everything stored about one person
(DSGVO Art. 15), as JSON or, with ``Accept: text/csv``, as CSV.

    curl -u datenschutz:PASSWORT -H 'Accept: application/json' \\
      'http://localhost:8080/Plone/soziale-netzwerke/@auskunft?person=erika.mustermann@stadtdo.de'

Only Datenschutz and StA 11 (permission ``stadtdo.sozialnetz: Request data
subject report``); the readable page is ``@@auskunft``. In the CSV, cells
starting with ``=``, ``+``, ``-``, ``@`` (a formula for a spreadsheet) are
written as text (``reporting.csv_zelle``).
"""

from plone import api
from stadtdo.sozialnetz.berichte.bericht import csv_zelle
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from stadtdo.sozialnetz.datenschutz.auskunft import csv_zeilen
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
import csv
import io


FEHLT = "Bitte geben Sie mit „person“ einen Namen, eine E-Mail-Adresse oder eine Benutzerkennung an."


PERMISSION = "stadtdo.sozialnetz: Request data subject report"
VERBOTEN = (
    "Die Auskunft nach Art. 15 DSGVO erstellen nur Datenschutz und die "
    "Berechtigungsverwaltung (StA 11)."
)


class AuskunftGet(SozialnetzService):
    def erlaubt(self):
        return api.user.has_permission(PERMISSION, obj=self.context)

    def anfrage(self):
        value = self.request.form.get("person")
        return value.strip() if isinstance(value, str) and value.strip() else None

    def reply(self):
        if not self.erlaubt():
            return self.forbidden(VERBOTEN)
        anfrage = self.anfrage()
        if anfrage is None:
            return self.error(400, FEHLT, field="person")
        data = auskunft(self.context, anfrage)
        data["@id"] = f"{self.context.absolute_url()}/@auskunft"
        return data


class AuskunftCsvGet(AuskunftGet):
    def render(self):
        self.check_permission()
        if not self.erlaubt():
            return super().render()  # the JSON error, 401 or 403
        anfrage = self.anfrage()
        if anfrage is None:
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return f"{FEHLT}\n"
        out = io.StringIO()
        zeilen = csv_zeilen(auskunft(self.context, anfrage))
        # cells a spreadsheet would run as a formula are written as text
        csv.writer(out).writerows([csv_zelle(z) for z in zeile] for zeile in zeilen)
        self.request.response.setHeader("Content-Type", "text/csv; charset=utf-8")
        self.request.response.setHeader(
            "Content-Disposition", 'attachment; filename="auskunft.csv"'
        )
        return out.getvalue()
