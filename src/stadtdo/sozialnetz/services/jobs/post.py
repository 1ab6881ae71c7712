"""``@sozialnetz-jobs``: the daily jobs for cron, as a JSON POST.

    curl -fsS -u admin:PASSWORT -X POST -H 'Accept: application/json' \\
      -H 'Content-Type: application/json' -d '{}' \\
      http://localhost:8080/Plone/@sozialnetz-jobs

A JSON POST cannot be sent by a foreign web page without the browser asking
first (CORS), so it needs no CSRF token. It always runs for today; another
day can only be previewed (``GET @@sozialnetz-jobs?datum=…``).
"""

from datetime import date
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.jobs.ergebnis import Ergebnis
from stadtdo.sozialnetz.jobs.lauf import run_jobs


class JobsPost(SozialnetzService):
    def antworten(self):
        data = self.json()
        if data is None:
            return self.bad_json()
        if data.get("datum"):
            return self.error(
                400,
                "Ein anderes Datum ist nur in der Vorschau (GET @@sozialnetz-jobs) "
                "möglich; ausgeführt wird immer für heute.",
                field="datum",
            )
        today = date.today()
        ergebnis = Ergebnis(
            datum=today, ausgefuehrt=True, eintraege=run_jobs(today=today)
        )
        return {
            "@id": f"{self.context.absolute_url()}/@sozialnetz-jobs",
            **ergebnis.to_json(),
        }
