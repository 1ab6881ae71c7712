"""The store of personal data the daily jobs keep (``datenschutz.speicher``):
the recipients of the January digest (on the department folder) and of the
yearly review (on the Antrag)."""

from stadtdo.sozialnetz.datenschutz.speicher import Speicher
from stadtdo.sozialnetz.jobs.jahresuebersicht import DIGEST_KEY
from stadtdo.sozialnetz.jobs.stand import IJobstand
from zope.annotation.interfaces import IAnnotations


class Mitteilungen(Speicher):
    name = "mitteilungen"
    titel = "Empfänger*innen der Jahresübersicht und der jährlichen Überprüfung"
    abschnitt = "mitteilungen"

    def auskunft(self, anfrage):
        result = []
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
