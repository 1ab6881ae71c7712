"""The store of personal data the daily jobs keep (``datenschutz.speicher``):
the recipients of the January digest (on the department folder) and of the
yearly review (on the Antrag), and the answers to the review (on the
Antrag: who answered, about which Person; no names)."""

from stadtdo.sozialnetz.datenschutz.speicher import Speicher
from stadtdo.sozialnetz.jobs.jahresuebersicht import DIGEST_KEY
from stadtdo.sozialnetz.jobs.stand import IJobstand
from zope.annotation.interfaces import IAnnotations


class Mitteilungen(Speicher):
    name = "mitteilungen"
    titel = (
        "Empfänger*innen der Jahresübersicht und der jährlichen Überprüfung, "
        "Antworten auf die Überprüfung"
    )
    abschnitt = "mitteilungen"

    def auskunft(self, anfrage):
        result = self._antworten(anfrage)
        if not anfrage.emails:
            return result
        for folder in anfrage.datenbank.objectValues():
            if folder.portal_type != "Fachbereich":
                continue
            for jahr, versand in IAnnotations(folder).get(DIGEST_KEY, {}).items():
                if anfrage.emails & {e.lower() for e in versand.get("empfaenger", ())}:
                    result.append(
                        {
                            "art": "jahresuebersicht",
                            "fachbereich": folder.Title(),
                            "jahr": jahr,
                            "zeit": versand.get("zeit"),
                        }
                    )
        for antrag in anfrage.antraege:
            for eintrag in IJobstand(antrag).ueberpruefungen:
                if anfrage.emails & {e.lower() for e in eintrag.get("empfaenger", ())}:
                    result.append(
                        {
                            "art": "ueberpruefung",
                            "antragsnummer": antrag.antragsnummer,
                            "zeit": eintrag.get("zeit"),
                        }
                    )
        return result

    def _antworten(self, anfrage):
        """The answers to the yearly review given by the user or about one
        of the person's Persons."""
        result = []
        for antrag in anfrage.antraege:
            betroffen = {
                p.getId()
                for p in antrag.objectValues()
                if p.portal_type == "Person" and anfrage.trifft(p)
            }
            for eintrag in IJobstand(antrag).ueberpruefung_antworten:
                von = anfrage.userid and eintrag.get("wer") == anfrage.userid
                if von or eintrag.get("person") in betroffen:
                    result.append(
                        {
                            "art": "ueberpruefung_antwort",
                            "antragsnummer": antrag.antragsnummer,
                            "person": eintrag.get("person"),
                            "antwort": eintrag.get("antwort"),
                            "datum": eintrag.get("datum"),
                            "wer": eintrag.get("wer"),
                            "zeit": eintrag.get("zeit"),
                        }
                    )
        return result
