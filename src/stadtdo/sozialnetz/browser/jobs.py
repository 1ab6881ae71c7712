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
from stadtdo.sozialnetz.jobs.lauf import KEINE_MAIL
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
        anonymisierungen = [e for e in erledigt if e["art"] == "anonymisierung"]
        entwuerfe = [e for e in erledigt if e["art"] == "entwurf_geloescht"]
        fehler = [e for e in erledigt if e["art"] == "fehler"]
        mails = [e for e in erledigt if e["art"] not in KEINE_MAIL]
        zahlen = (
            f"{len(mails)} Mitteilung(en), {len(anonymisierungen)} Anonymisierung(en)"
        )
        if entwuerfe:
            zahlen += f", {len(entwuerfe)} gelöschte(r) Entwurf/Entwürfe"
        if fehler:
            zahlen += f", {len(fehler)} Fehler"
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
        for eintrag in entwuerfe:
            teile.append(f"Entwurf gelöscht: Antrag {eintrag['antragsnummer']}")
        for eintrag in fehler:
            teile.append(
                f"Fehler in {eintrag['job']}: {eintrag['antragsnummer'] or '-'} "
                f"{eintrag['pfad']} – {eintrag['fehler']}"
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
