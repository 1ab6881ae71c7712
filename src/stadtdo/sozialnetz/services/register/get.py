"""``@offizielle-kanaele`` on the site root: the public register of official
accounts, for everybody (anonymous too). JSON, or CSV with
``Accept: text/csv``; ``q`` searches handle and URL.

    curl -H 'Accept: application/json' \\
      'http://localhost:8080/Plone/@offizielle-kanaele?q=instagram.com/stadtdortmund'
"""

from stadtdo.sozialnetz.berichte import register
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
import csv
import io


class OffizielleKanaeleGet(SozialnetzService):
    def suche(self):
        return self.request.form.get("q")

    def reply(self):
        try:
            konten = register.konten(self.suche())
        except AktionAbgelehnt as error:
            return self.error(400, error.message, field=error.field)
        data = {
            "@id": f"{self.context.absolute_url()}/@offizielle-kanaele",
            "anzahl": len(konten),
            "konten": konten,
        }
        if self.suche():
            data["q"] = self.suche()
        return data


class OffizielleKanaeleCsvGet(OffizielleKanaeleGet):
    def render(self):
        response = self.request.response
        try:
            rows = list(register.csv_zeilen(self.suche()))
        except AktionAbgelehnt as error:
            response.setStatus(400)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return f"{error.message}\n"
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="offizielle-kanaele.csv"'
        )
        return out.getvalue()
