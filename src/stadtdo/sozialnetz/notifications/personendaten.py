"""The stores of personal data the mails keep (``datenschutz.speicher``):
the Systemhaus orders on the Antrag (names and addresses of the Persons to
unlock) and the notification preferences of the accounts."""

from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_EMAIL
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_NAME
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.speicher import Speicher
from stadtdo.sozialnetz.notifications import praeferenzen
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.stand import Mitteilungsstand


class SystemhausAuftraege(Speicher):
    name = "systemhaus"
    titel = (
        "Aufträge an das Systemhaus (Namen und Adressen der Freizuschaltenden "
        "und zu Sperrenden)"
    )
    abschnitt = "systemhaus_auftraege"

    def auskunft(self, anfrage):
        pattern = anfrage.pattern
        result = []
        for antrag in anfrage.antraege:
            for auftrag in IMitteilungsstand(antrag).systemhaus_auftraege:
                genannt = [
                    p
                    for p in auftrag.get("personen", ())
                    if pattern and pattern.search(p)
                ]
                if genannt:
                    result.append(
                        {
                            "antragsnummer": antrag.antragsnummer,
                            "zeit": auftrag.get("zeit"),
                            "personen": genannt,
                            "hinweis": auftrag.get("hinweis", ""),
                            # since profile 1008: unlocking or revocation,
                            # and when the Systemhaus confirmed it
                            "art": auftrag.get("art") or "freischaltung",
                            "bestaetigt_am": auftrag.get("bestaetigt_am"),
                        }
                    )
        return result

    def anonymisieren(self, antrag, *, email, muster):
        if not email:
            return
        _schwaerzen(IMitteilungsstand(antrag), email)
        for stored in gespeicherte_versionen(antrag):
            # the class: a stored copy is adapted without the registry
            if _schwaerzen(Mitteilungsstand(stored), email):
                stored._p_changed = True


def _schwaerzen(stand, email):
    """Replace the Person ``email`` in the orders of ``stand``."""
    auftraege = stand.liste("systemhaus_auftraege")
    if not auftraege:
        return False
    for auftrag in auftraege:
        auftrag["personen"] = [
            f"{ANONYM_NAME} <{ANONYM_EMAIL}>" if email in eintrag else eintrag
            for eintrag in auftrag["personen"]
        ]
    auftraege._p_changed = True
    return True


class Benachrichtigungen(Speicher):
    name = "benachrichtigungen"
    titel = "Benachrichtigungen: Zustellung je Gremium, letzte tägliche Übersicht"
    abschnitt = "benutzerkonto"
    verzeichnis = ("benachrichtigung.praeferenzen", "benachrichtigung.versand")

    def auskunft(self, anfrage):
        if not anfrage.userid:
            return {}
        _datum, zeit = praeferenzen.letzte_uebersicht(anfrage.userid)
        return {
            "benachrichtigungen": praeferenzen.praeferenzen(anfrage.userid),
            "letzte_tagesuebersicht": zeit.isoformat() if zeit else None,
        }
