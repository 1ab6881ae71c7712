"""``@offizielle-kanaele`` on the site root: the public register of official
accounts, for everybody (anonymous too). JSON, or CSV with
``Accept: text/csv``; ``q`` searches handle and URL.

    curl -H 'Accept: application/json' \\
      'http://localhost:8080/Plone/@offizielle-kanaele?q=instagram.com/stadtdortmund'
"""

from stadtdo.sozialnetz.berichte import register
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService


class OffizielleKanaeleGet(SozialnetzService):
    def suche(self):
        return self.request.form.get("q")

    def antworten(self):
        konten = register.konten(self.suche())
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
        return self.csv_datei(
            lambda: register.csv_zeilen(self.suche()), "offizielle-kanaele.csv"
        )
