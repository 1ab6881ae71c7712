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
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.berichte.bericht import csv_zelle
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from stadtdo.sozialnetz.datenschutz.auskunft import csv_zeilen
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService


FEHLT = "Bitte geben Sie mit „person“ einen Namen, eine E-Mail-Adresse oder eine Benutzerkennung an."


PERMISSION = permissions.AUSKUNFT
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

    def antworten(self):
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
            return self.klartext(400, FEHLT)

        def zeilen():
            # cells a spreadsheet would run as a formula are written as text
            for zeile in csv_zeilen(auskunft(self.context, anfrage)):
                yield [csv_zelle(z) for z in zeile]

        return self.csv_datei(zeilen, "auskunft.csv")
