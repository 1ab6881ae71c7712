"""``@@sozialnetz-jobs``: the daily scheduled jobs, for cron (POST) and as a
preview for administrators (GET).

    curl -fsS -u admin:PASSWORT -X POST http://localhost:8080/Plone/@@sozialnetz-jobs

A FileStorage can be opened by one process only, so cron calls the running
instance over HTTP instead of starting a second ``zconsole run``.
"""

from datetime import date
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz.notifications.jobs import run_jobs
from stadtdo.sozialnetz.verfahren.pruefung import pruefen
from zope.interface import alsoProvides


class JobsView(BrowserView):
    def _today(self):
        value = self.request.form.get("datum")
        if not value:
            return date.today()
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.request.response.setStatus(400)
            return None

    def __call__(self):
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        today = self._today()
        if today is None:
            return "Ungültiges Datum: bitte im Format JJJJ-MM-TT angeben.\n"
        if self.request.method == "POST":
            # An admin-only POST for cron: no form, hence no CSRF token.
            alsoProvides(self.request, IDisableCSRFProtection)
            erledigt = run_jobs(today=today)
        else:
            erledigt = run_jobs(today=today, dry_run=True)
        anonymisierungen = [e for e in erledigt if e["art"] == "anonymisierung"]
        mails = [e for e in erledigt if e["art"] != "anonymisierung"]
        zahlen = (
            f"{len(mails)} Mitteilung(en), {len(anonymisierungen)} Anonymisierung(en)"
        )
        if self.request.method == "POST":
            kopf = f"Geplante Aufgaben für {today:%d.%m.%Y} ausgeführt: {zahlen}.\n"
        else:
            kopf = (
                f"Vorschau für {today:%d.%m.%Y}: {zahlen} wären fällig. "
                "Nichts wurde gesendet oder geändert (Ausführen mit POST).\n"
            )
        teile = [kopf]
        if self.request.method != "POST":
            teile.extend(self.pruefbericht())
        for eintrag in anonymisierungen:
            teile.append(
                f"Anonymisierung: Antrag {eintrag['antragsnummer']}, Person {eintrag['person']}"
            )
        for mail in mails:
            teile.append("=" * 72)
            teile.append(f"Betreff:    {mail['betreff']}")
            teile.append(
                f"Empfänger:  {', '.join(mail['empfaenger']) or '(keine Adresse)'}"
            )
            teile.append("")
            teile.append(mail["text"])
        return "\n".join(teile).rstrip("\n") + "\n"

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
