"""``@@sozialnetz-jobs``: the daily scheduled jobs as a page for
administrators — ``GET`` previews (for another day with ``?datum=``), a
``POST`` with the form's CSRF token runs them for today.

cron runs them through the REST service ``@sozialnetz-jobs`` (a JSON POST,
see ``services/jobs.py``). A FileStorage can be opened by one process only,
so cron calls the running instance over HTTP instead of starting a second
``zconsole run``.
"""

from datetime import date
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz.jobs.ergebnis import Ergebnis
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.verfahren.pruefung import pruefen


DATUM_NUR_VORSCHAU = (
    "Ein anderes Datum ist nur in der Vorschau (GET) möglich; ausgeführt wird "
    "immer für heute.\n"
)


def stichtag(value):
    """The day to preview: ``date.today()`` or ``value`` (ISO), None if bad."""
    if not value:
        return date.today()
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) == 10 else None
    except ValueError:
        return None


class JobsView(BrowserView):
    def __call__(self):
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        if self.request.method == "POST":
            if self.request.form.get("datum"):
                self.request.response.setStatus(400)
                return DATUM_NUR_VORSCHAU
            CheckAuthenticator(self.request)
            today = date.today()
            erledigt = run_jobs(today=today)
        else:
            today = stichtag(self.request.form.get("datum"))
            if today is None:
                self.request.response.setStatus(400)
                return "Ungültiges Datum: bitte im Format JJJJ-MM-TT angeben.\n"
            erledigt = run_jobs(today=today, dry_run=True)
        ergebnis = Ergebnis(
            datum=today,
            ausgefuehrt=self.request.method == "POST",
            eintraege=erledigt,
        )
        if ergebnis.ausgefuehrt:
            return ergebnis.text()
        return ergebnis.text(self.pruefbericht())

    def pruefbericht(self):
        """The consistency check of the record (votes, history, catalog)."""
        befunde = pruefen()
        if not befunde:
            return [
                "Prüfung des Verlaufs: alle Voten stimmen mit Verlauf und Katalog überein."
            ]
        zeilen = [
            f"Prüfung des Verlaufs: {len(befunde)} Antrag/Anträge mit Abweichungen:"
        ]
        for nummer, url, gefunden in befunde:
            zeilen.append(f"Abweichung: Antrag {nummer} ({url})")
            zeilen.extend(f"  - {text}" for text in gefunden)
        return zeilen
