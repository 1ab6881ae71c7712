"""Settings of the add-on, kept in the registry and edited in the control
panel "Soziale Netzwerke" (DV § 7: the database is adapted continuously)."""

from plone import api
from plone.schema.email import _isemail
from stadtdo.sozialnetz import _
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant


class ISozialnetzSettings(Interface):
    """Addresses, sender, dates of the scheduled jobs."""

    absender_name = schema.TextLine(
        title=_("Absendername"),
        description=_("Name, unter dem die Datenbank Mitteilungen verschickt."),
        default="Datenbank Soziale Netzwerke",
        required=True,
    )
    absender_adresse = schema.TextLine(
        title=_("Absenderadresse"),
        description=_("Leer lassen, um die Absenderadresse der Website zu verwenden."),
        required=False,
    )
    adresse_agentur = schema.TextLine(
        title=_("Ersatzadresse Dortmund-Agentur"),
        description=_(
            "Erhält die Mitteilungen, wenn kein Mitglied der Gruppe eine E-Mail-Adresse hat."
        ),
        required=False,
    )
    adresse_datenschutz = schema.TextLine(
        title=_("Ersatzadresse Datenschutzbeauftragte*r"), required=False
    )
    adresse_personalrat = schema.TextLine(
        title=_("Ersatzadresse Personalrat"), required=False
    )
    adresse_poa = schema.TextLine(
        title=_("Ersatzadresse Personal- und Organisationsamt"),
        description=_("Auch Antwortadresse des Auftrags an das Systemhaus."),
        required=False,
    )
    adresse_itsicherheit = schema.TextLine(
        title=_("Ersatzadresse IT-Sicherheit"), required=False
    )
    adresse_systemhaus = schema.TextLine(
        title=_("Adresse des Dortmunder Systemhauses"),
        description=_(
            "Erhält bei jeder Genehmigung den Auftrag zur Freischaltung der Plattform "
            "für die benannten Personen und, sobald der Zugang einer Person endet, "
            "den Auftrag zur Sperrung (DV § 4)."
        ),
        required=False,
    )
    systemhaus_link_tage = schema.Int(
        title=_("Gültigkeit des Bestätigungslinks des Systemhauses (Tage)"),
        description=_(
            "Jeder Auftrag an das Systemhaus (Freischaltung und Sperrung) enthält "
            "einen Link, mit dem das Systemhaus die Erledigung bestätigt. Er gilt "
            "so viele Tage ab dem Versand und nur einmal."
        ),
        default=30,
        min=1,
        max=365,
        required=True,
    )
    systemhaus_erinnerung_arbeitstage = schema.Int(
        title=_("Erinnerung an einen unbestätigten Auftrag (Arbeitstage)"),
        description=_(
            "Ist ein Auftrag an das Systemhaus so viele Arbeitstage nach dem "
            "Versand nicht bestätigt, erinnert die Datenbank das Systemhaus einmal."
        ),
        default=5,
        min=1,
        max=100,
        required=True,
    )
    systemhaus_eskalation_arbeitstage = schema.Int(
        title=_("Eskalation an das POA nach der Erinnerung (Arbeitstage)"),
        description=_(
            "Ist der Auftrag so viele Arbeitstage nach der Erinnerung noch immer "
            "nicht bestätigt, erhält das Personal- und Organisationsamt einmal "
            "eine Mitteilung."
        ),
        default=5,
        min=1,
        max=100,
        required=True,
    )
    adresse_sicherheitskonzept = schema.TextLine(
        title=_("Ansprechstelle Sicherheitskonzept"),
        description=_(
            "Erhält die Meldungen des Formulars „Vorfall melden“ (DV § 5). Leer: die "
            "Absenderadresse der Website."
        ),
        required=False,
    )
    anlage_max_mb = schema.Int(
        title=_("Größte Anlage (MB)"),
        description=_(
            "Größere Dateien werden beim Hochladen abgewiesen. Die Grenze des "
            "Web-Servers (max_request_body_size in zope.ini) muss mitwachsen: "
            "über die REST-API kommt eine Datei um ein Drittel größer an (Base64)."
        ),
        default=20,
        min=1,
        max=200,
        required=True,
    )
    digest_monat = schema.Int(
        title=_("Monat der Jahresübersicht"),
        description=_(
            "In diesem Monat erhalten Fachbereichsleitungen und Stellvertretungen die "
            "Übersicht der Auftritte ihres Fachbereichs (Anlage 1 Nr. 5)."
        ),
        default=1,
        min=1,
        max=12,
        required=True,
    )
    ueberpruefung_nach_tagen = schema.Int(
        title=_("Überprüfung der Freiwilligkeit nach (Tagen)"),
        description=_(
            "So lange nach der Genehmigung wird der Fachbereich gebeten zu prüfen, ob "
            "alle Personen weiterhin einwilligen (DV § 2)."
        ),
        default=365,
        min=1,
        required=True,
    )
    ueberpruefung_antwort_arbeitstage = schema.Int(
        title=_("Antwort auf die Überprüfung der Freiwilligkeit (Arbeitstage)"),
        description=_(
            "So viele Arbeitstage nach der Bitte um Überprüfung hat die "
            "Fachbereichsleitung, für jede Person zu antworten. Danach wird sie "
            "einmal erinnert und das Personal- und Organisationsamt (StA 11) "
            "informiert. Wochenenden und Feiertage in NRW zählen nicht."
        ),
        default=20,
        min=1,
        max=200,
        required=True,
    )
    aufbewahrung_tage = schema.Int(
        title=_("Aufbewahrungsfrist personenbezogener Daten (Tage)"),
        description=_(
            "So lange nach dem Ende der Aufgabe einer Person oder der Einstellung des "
            "Auftritts bleiben Name und E-Mail erhalten; danach werden sie – auch in "
            "allen gespeicherten Versionen – anonymisiert (Anlage 1 Nr. 1, DSGVO "
            "Art. 5 Abs. 1 lit. e)."
        ),
        default=180,
        min=0,
        required=True,
    )

    frist_arbeitstage = schema.Int(
        title=_("Frist für ein Votum (Arbeitstage)"),
        description=_(
            "So viele Arbeitstage hat jedes Gremium ab dem Tag, an dem sein Votum "
            "fällig wird. Wochenenden und Feiertage in NRW zählen nicht. Eine "
            "versäumte Frist entscheidet nichts: Sie erinnert und eskaliert nur."
        ),
        default=10,
        min=1,
        max=100,
        required=True,
    )
    frist_fbl_arbeitstage = schema.Int(
        title=_("Frist der Fachbereichsleitung (Arbeitstage)"),
        description=_(
            "So viele Arbeitstage haben Fachbereichsleitung und Stellvertretung ab "
            "dem Einreichen, um einen Antrag zu genehmigen oder zurückzuweisen. Vor "
            "Fristende werden sie erinnert, danach wird die Berechtigungsverwaltung "
            "(StA 11) informiert. Eine versäumte Frist entscheidet nichts."
        ),
        default=5,
        min=1,
        max=100,
        required=True,
    )
    erinnerung_arbeitstage_vorher = schema.Int(
        title=_("Erinnerung vor Fristende (Arbeitstage)"),
        description=_(
            "So viele Arbeitstage vor Fristende erinnert die Datenbank das Gremium "
            "einmal an sein offenes Votum."
        ),
        default=2,
        min=0,
        max=50,
        required=True,
    )
    adresse_leitung_agentur = schema.TextLine(
        title=_("Leitung Dortmund-Agentur (Eskalation)"),
        description=_(
            "Erhält am Tag nach Fristende einmal die Mitteilung, dass das Votum "
            "des Gremiums aussteht. Leer: keine Eskalation."
        ),
        required=False,
    )
    adresse_leitung_datenschutz = schema.TextLine(
        title=_("Leitung Datenschutz (Eskalation)"), required=False
    )
    adresse_leitung_personalrat = schema.TextLine(
        title=_("Vorsitz Personalrat (Eskalation)"), required=False
    )
    adresse_leitung_poa = schema.TextLine(
        title=_("Leitung Personal- und Organisationsamt (Eskalation)"),
        required=False,
    )
    adresse_leitung_itsicherheit = schema.TextLine(
        title=_("Leitung IT-Sicherheit (Eskalation)"), required=False
    )
    entwurf_loeschen_nach_tagen = schema.Int(
        title=_("Unbearbeitete Entwürfe löschen nach (Tagen)"),
        description=_(
            "Ein Entwurf, der so lange nicht bearbeitet wurde, wird mit seinen "
            "Personendaten, Anlagen und Versionen gelöscht (Anlage 1 Nr. 1). Der "
            "Fachbereich wird vorher erinnert."
        ),
        default=180,
        min=1,
        required=True,
    )
    entwurf_erinnerung_tage = schema.Int(
        title=_("Erinnerung vor dem Löschen eines Entwurfs (Tage)"),
        description=_(
            "So viele Tage vor dem Löschen wird der Fachbereich erinnert; gelöscht "
            "wird frühestens so viele Tage nach der Erinnerung."
        ),
        default=14,
        min=0,
        required=True,
    )

    @invariant
    def adressen_gueltig(data):
        for name in ADRESSFELDER:
            value = getattr(data, name, None)
            if value and not _isemail(value):
                raise Invalid(
                    _(
                        "„${adresse}“ ist keine gültige E-Mail-Adresse.",
                        mapping={"adresse": value},
                    )
                )


ADRESSFELDER = [
    name
    for name in ISozialnetzSettings
    if name.startswith(("adresse_", "absender_adresse"))
]


def einstellung(name):
    """The value of one setting (its default if the record is missing)."""
    return api.portal.get_registry_record(
        name, interface=ISozialnetzSettings, default=ISozialnetzSettings[name].default
    )
