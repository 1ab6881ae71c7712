"""The registry of the stores of personal data (issue 22): every store the
Verarbeitungsverzeichnis names, and every store of personal data outside
the Person items, is a registered utility that the Art. 15 report and the
anonymisation iterate."""

from datetime import date
from plone import api
from stadtdo.sozialnetz.datenschutz import einwilligung
from stadtdo.sozialnetz.datenschutz import speicher
from stadtdo.sozialnetz.datenschutz.aufbewahrung import anonymisieren
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from stadtdo.sozialnetz.datenschutz.auskunft import EIGENE
from stadtdo.sozialnetz.datenschutz.verzeichnis import ZWECKE
from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from stadtdo.sozialnetz.rechte import konten
from stadtdo.sozialnetz.rechte.stand import Kontostand
from zope.component import getUtilitiesFor


#: the stores of personal data outside the Person items
SPEICHER = {
    "systemhaus",  # the Systemhaus orders on the Antrag (notifications)
    "benachrichtigungen",  # preferences and last overview (notifications)
    "mitteilungen",  # recipients of digest and yearly review (jobs)
    "vorfall",  # the incident form's saved reports (vorfall)
    "verzeichnis",  # the directory's address of an account (verzeichnis)
    "idempotenz",  # kept answers of REST writes (infrastruktur)
    "personenvermerke",  # withdrawal, entry of the task's end (datenschutz)
    "konten",  # the link of a Person to an account (rechte)
}

ABSCHNITTE = [
    "anfrage",
    "erstellt",
    "benutzerkonto",
    "personen",
    "erwaehnungen",
    "systemhaus_auftraege",
    "mitteilungen",
    "vorfallmeldungen",
    "aktionen",
    "rechteprotokoll",
]


def test_every_store_of_personal_data_is_registered(portal):
    registriert = dict(getUtilitiesFor(IPersonenbezogeneDaten))
    assert set(registriert) >= SPEICHER
    for name, store in registriert.items():
        assert store.name == name
        assert store.titel
    assert [s.name for s in speicher.alle()] == sorted(registriert)


def test_every_row_of_the_verzeichnis_has_a_store(portal):
    verzeichnet = set(EIGENE)
    for store in speicher.alle():
        verzeichnet.update(store.verzeichnis)
    assert set(ZWECKE) <= verzeichnet, set(ZWECKE) - verzeichnet
    # and no store claims a row the Verarbeitungsverzeichnis does not have
    for store in speicher.alle():
        assert set(store.verzeichnis) <= set(ZWECKE), store.name


def test_each_store_reports_into_a_section_of_the_report(antrag_in, datenbank):
    antrag = antrag_in("genehmigt")
    with api.env.adopt_user(username="datenschutz"):
        result = auskunft(datenbank, "mitarbeiter")
        nach_name = auskunft(datenbank, "Mustermann")
    assert list(result) == ABSCHNITTE
    for store in speicher.alle():
        assert store.abschnitt is None or store.abschnitt in result, store.name
    konto = result["benutzerkonto"]
    assert list(konto) == [
        "userid",
        "fullname",
        "email",
        "benachrichtigungen",
        "letzte_tagesuebersicht",
    ]
    assert list(nach_name) == ABSCHNITTE
    (auftrag,) = nach_name["systemhaus_auftraege"]
    assert list(auftrag) == [
        "antragsnummer",
        "zeit",
        "personen",
        "hinweis",
        "art",
        "bestaetigt_am",
    ]
    assert auftrag["art"] == "freischaltung"
    assert auftrag["antragsnummer"] == antrag.antragsnummer


def _version_speichern(obj):
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_repository").save(obj, comment="Test")


def test_the_stores_on_the_person_report_its_records_and_link(antrag_in, datenbank):
    """What the registered stores keep on a Person is in its entry of the
    report: in the fields of the item and of each version, and the link."""
    antrag = antrag_in("genehmigt")
    person = antrag["person"]
    with api.env.adopt_user(username="sta11"):
        konten.verknuepfen(person, "mitarbeiter")
    with api.env.adopt_user(username="leitung"):
        einwilligung.widerruf_vermerken(person)
    _version_speichern(person)
    with api.env.adopt_user(username="datenschutz"):
        (eintrag,) = auskunft(datenbank, "Mustermann")["personen"]
    heute = date.today().isoformat()
    assert eintrag["felder"]["einwilligung_widerrufen_am"] == heute
    assert eintrag["felder"]["einwilligung_widerruf_vermerkt"]["von"] == "leitung"
    assert eintrag["versionen"][-1]["felder"]["einwilligung_widerrufen_am"] == heute
    assert eintrag["benutzerkonto"]["benutzer"] == "mitarbeiter"
    assert eintrag["benutzerkonto"]["von"] == "sta11"


def test_the_anonymisation_removes_the_link_from_the_versions(antrag_in):
    antrag = antrag_in("genehmigt")
    person = antrag["person"]
    with api.env.adopt_user(username="sta11"):
        konten.verknuepfen(person, "mitarbeiter")
    _version_speichern(person)
    assert any(Kontostand(v).benutzer for v in gespeicherte_versionen(person))
    with api.env.adopt_roles(["Manager"]):
        anonymisieren(person)
    assert konten.verknuepft_mit(person) is None
    for stored in gespeicherte_versionen(person):
        assert Kontostand(stored).benutzer is None
        assert Kontostand(stored).benutzer_verknuepft is None
