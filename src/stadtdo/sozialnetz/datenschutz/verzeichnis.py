"""The Verarbeitungsverzeichnis (DSGVO Art. 30) of the personal data, for
the data protection officer to check against DSFA and DV.

Generated: one row per field of the Person schema (and the personal data the
Antrag and the process record), with its purpose, who reads it and the
retention rule read from the control panel. Anlage 1 Nr. 1 names "Name,
Vorname"; every further field says why it is needed. A new field of the
Person schema without a purpose here shows up as „Zweck nicht dokumentiert“
(and fails tests/datenschutz/test_verzeichnis.py).
"""

from dataclasses import dataclass
from stadtdo.sozialnetz.content.person import IPerson
from stadtdo.sozialnetz.settings import einstellung
from zope.schema import getFieldsInOrder


ALLE_LESER = (
    "Fachbereich (Mitarbeitende, Leitung, Datenschutzfachkraft), Gremien "
    "(Dortmund-Agentur, Datenschutz, Personalrat, POA, IT-Sicherheit), "
    "Berechtigungsverwaltung (StA 11)"
)


@dataclass(frozen=True)
class Zweck:
    zweck: str
    grundlage: str
    leser: str = ALLE_LESER
    loeschung: str = "person"  # key of ``_loeschregel``


#: Why each personal field is stored. Keys: Person schema fields, then the
#: data outside it (prefix ``antrag.`` / ``verlauf.``).
ZWECKE = {
    "nachname": Zweck(
        "Benennung der zuständigen Beschäftigten im Antrag", "Anlage 1 Nr. 1"
    ),
    "vorname": Zweck(
        "Benennung der zuständigen Beschäftigten im Antrag", "Anlage 1 Nr. 1"
    ),
    "email": Zweck(
        "Eindeutige Zuordnung der Person (Namensgleichheit); Auftrag an das "
        "Systemhaus zur personenbezogenen Freischaltung",
        "DV § 4",
        ALLE_LESER + "; Dortmunder Systemhaus bei Freischaltung",
    ),
    "funktion": Zweck(
        "Rolle auf dem Konto (Administration, Redaktion, Moderation): Prüfung "
        "der Rechtevergabe durch die Gremien",
        "Anlage 1 § 2 Abschnitt 2.4",
    ),
    "rechte_aufgaben": Zweck(
        "Konkrete Rechte und Aufgaben auf der Plattform: Mitbestimmung des "
        "Personalrats, Prüfung durch Datenschutz",
        "Anlage 1 § 2 Abschnitt 2.4",
    ),
    "einwilligung": Zweck("Nachweis der Freiwilligkeit bei Klarnamenpflicht", "DV § 2"),
    "einwilligung_datum": Zweck(
        "Nachweis der Freiwilligkeit bei Klarnamenpflicht", "DV § 2"
    ),
    "schulung_status": Zweck(
        "Nachweis der Schulung der zuständigen Beschäftigten", "DV § 6"
    ),
    "schulung_geplant_bis": Zweck(
        "Nachweis der Schulung der zuständigen Beschäftigten", "DV § 6"
    ),
    "taetigkeit_von": Zweck(
        "Zeitraum der Aufgabenwahrnehmung: Beginn und Ende der Speicherung",
        "Anlage 1 Nr. 1",
    ),
    "taetigkeit_bis": Zweck(
        "Zeitraum der Aufgabenwahrnehmung: Beginn und Ende der Speicherung",
        "Anlage 1 Nr. 1",
    ),
    "internetfreischaltung": Zweck(
        "Auftrag an das Systemhaus zur personenbezogenen Entsperrung",
        "DV § 4",
        ALLE_LESER + "; Dortmunder Systemhaus",
    ),
    "einwilligung_widerrufen_am": Zweck(
        "Widerruf der Einwilligung: Ende der Aufgabe ab diesem Tag", "DV § 2"
    ),
    "benutzer": Zweck(
        "Verknüpfung der Person mit ihrem Benutzerkonto (Benutzerkennung, wer "
        "sie wann gesetzt hat), gesetzt von StA 11 oder dem Verzeichnis: "
        "Auskunft nach Art. 15 DSGVO und Klärung der Verantwortung beim "
        "Ausscheiden",
        "DSGVO Art. 15, DV § 6",
        "Berechtigungsverwaltung (StA 11), Datenschutz (Auskunft)",
    ),
    "vermerke": Zweck(
        "Wer ein Ende der Aufgabe oder einen Widerruf wann vermerkt hat "
        "(Benutzerkennung, Tag): Aufbewahrungsfristen laufen frühestens ab dem "
        "Tag des Vermerks",
        "Anlage 1 Nr. 1, DSGVO Art. 5 Abs. 2",
    ),
    "antrag.antragsteller": Zweck(
        "Antragsteller*in (Benutzerkennung): Zuständigkeit im Verfahren",
        "Anlage 1 Nr. 2",
        loeschung="konto",
    ),
    "antrag.freitext": Zweck(
        "Namen, die in Freitexten (z. B. Vertretungsregelung) geschrieben "
        "werden: Vertretung und Moderation nach Anlage 1 § 2",
        "Anlage 1 § 2 Abschnitt 2",
    ),
    "verlauf.kommentare": Zweck(
        "Wer hat wann entschieden, mit Begründung (Verlauf, Voten): "
        "Nachvollziehbarkeit der Mitbestimmung",
        "DV § 3, Anlage 1 Nr. 2",
        loeschung="konto",
    ),
    "benachrichtigung.praeferenzen": Zweck(
        "Benutzerkennung mit der gewählten Zustellung je Gremium (sofort oder "
        "tägliche Übersicht): Versand der Mitteilungen nach Wunsch der "
        "Gremienmitglieder",
        "Anlage 1 Nr. 2",
        "die Person selbst (@@benachrichtigungen); Administration",
        loeschung="benutzer",
    ),
    "benachrichtigung.versand": Zweck(
        "Benutzerkennung mit Tag und Uhrzeit der letzten täglichen Übersicht: "
        "höchstens eine Übersicht am Tag, neue Anträge seit der letzten",
        "Anlage 1 Nr. 2",
        "Administration",
        loeschung="benutzer",
    ),
    "rest.idempotenz": Zweck(
        "Antwort auf einen Schreibzugriff über die REST-API mit "
        "Idempotency-Key (kann Namen und Kommentare des Antrags oder Votums "
        "enthalten) und ein Prüfwert aus Benutzerkennung und Anfrage: ein "
        "erneut gesendeter Zugriff wird nicht zweimal ausgeführt",
        "Anlage 1 Nr. 2 (Vollständigkeit und Richtigkeit des Verfahrens)",
        "niemand im Portal; nur die Person, die denselben Zugriff erneut sendet",
        loeschung="idempotenz",
    ),
}

#: titles of the rows outside the Person schema
TITEL = {
    "einwilligung_widerrufen_am": "Einwilligung widerrufen am",
    "benutzer": "Verknüpftes Benutzerkonto",
    "vermerke": "Vermerkt am / von (Ende der Aufgabe, Widerruf)",
    "antrag.antragsteller": "Antragsteller*in",
    "antrag.freitext": "Namen in Freitexten des Antrags",
    "verlauf.kommentare": "Handelnde und Kommentare in Verlauf und Voten",
    "benachrichtigung.praeferenzen": "Benachrichtigungen: sofort oder täglich",
    "benachrichtigung.versand": "Benachrichtigungen: letzte tägliche Übersicht",
    "rest.idempotenz": "Aufbewahrte Antworten auf wiederholbare REST-Schreibzugriffe",
}


def _loeschregel(art: str) -> str:
    tage = einstellung("aufbewahrung_tage")
    entwurf = einstellung("entwurf_loeschen_nach_tagen")
    if art == "benutzer":
        return (
            "Gelöscht mit dem Benutzerkonto; die Einstellung für ein Gremium "
            "beim Austritt aus dem Gremium; „sofort“ wird nicht gespeichert"
        )
    if art == "idempotenz":
        return "Nach 24 Stunden von der täglichen Aufgabe gelöscht"
    if art == "konto":
        return (
            "Benutzerkennung der städtischen Beschäftigten; Name im Kommentar "
            f"wird {tage} Tage nach Ende der Aufgabe der genannten Person ersetzt"
        )
    return (
        f"{tage} Tage nach Ende der Aufgabe (Enddatum, Einstellung, Ablehnung, "
        "Zurückweisung, nicht mehr im genehmigten erneuten Antrag, Widerruf der "
        f"Einwilligung) anonymisiert, in allen Versionen; Entwürfe nach {entwurf} "
        "Tagen ohne Bearbeitung gelöscht"
    )


def zeilen() -> list[dict[str, str]]:
    """One dict per personal field: feld, titel, zweck, grundlage, leser,
    loeschung."""
    felder = [(name, str(field.title)) for name, field in getFieldsInOrder(IPerson)]
    felder += [(name, TITEL[name]) for name in TITEL]
    result = []
    for name, titel in felder:
        zweck = ZWECKE.get(name)
        result.append(
            {
                "feld": name,
                "titel": titel,
                "zweck": zweck.zweck if zweck else "Zweck nicht dokumentiert",
                "grundlage": zweck.grundlage if zweck else "",
                "leser": zweck.leser if zweck else "",
                "loeschung": _loeschregel(zweck.loeschung) if zweck else "",
            }
        )
    return result
