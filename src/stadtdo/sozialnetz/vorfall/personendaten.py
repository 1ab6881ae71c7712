"""The store of personal data of the incident form (``datenschutz.speicher``):
the reports saved by the form (who filed them, their text)."""

from plone import api
from stadtdo.sozialnetz.datenschutz.speicher import Speicher
from stadtdo.sozialnetz.vorfall import DOWNLOAD_SAVED_INPUT
from stadtdo.sozialnetz.vorfall import formular


class Vorfallmeldungen(Speicher):
    name = "vorfall"
    titel = "Gemeldete Sicherheitsvorfälle (wer meldete, Inhalt)"
    abschnitt = "vorfallmeldungen"

    def auskunft(self, anfrage):
        form = formular(anfrage.datenbank)
        if form is None:
            return []
        # read the stored rows directly: easyform's action creates the storage
        # on first access, and a report must write nothing
        gespeichert = (getattr(form, "_inputStorage", None) or {}).get("meldungen")
        if not gespeichert:
            return []
        pattern = anfrage.pattern
        darf_lesen = api.user.has_permission(DOWNLOAD_SAVED_INPUT, obj=form)
        result = []
        for key, zeile in gespeichert.items():
            werte = dict(zeile) if isinstance(zeile, dict) else {}
            von = werte.get("gemeldet_von")
            mail = (werte.get("replyto") or "").lower()
            text = " ".join(str(v) for v in werte.values())
            if not (
                (anfrage.userid and von == anfrage.userid)
                or (mail and mail in anfrage.emails)
                or (pattern is not None and pattern.search(text))
            ):
                continue
            eintrag = {"meldung": str(key), "zeit": str(werte.get("dt") or "")}
            eintrag["felder"] = (
                {k: str(v) for k, v in werte.items()}
                if darf_lesen
                else "nur für die Berechtigungsverwaltung lesbar (DV § 5)"
            )
            result.append(eintrag)
        return result
