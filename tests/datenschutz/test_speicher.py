"""The registry of the stores of personal data (issue 22): every store the
Verarbeitungsverzeichnis names, and every store of personal data outside
the Person items, is a registered utility that the Art. 15 report and the
anonymisation iterate."""

from plone import api
from stadtdo.sozialnetz.datenschutz import speicher
from stadtdo.sozialnetz.datenschutz.auskunft import auskunft
from stadtdo.sozialnetz.datenschutz.auskunft import EIGENE
from stadtdo.sozialnetz.datenschutz.verzeichnis import ZWECKE
from stadtdo.sozialnetz.interfaces import IPersonenbezogeneDaten
from zope.component import getUtilitiesFor


#: the stores of personal data outside the Person items
SPEICHER = {
    "systemhaus",  # the Systemhaus orders on the Antrag (notifications)
    "benachrichtigungen",  # preferences and last overview (notifications)
    "mitteilungen",  # recipients of digest and yearly review (jobs)
    "vorfall",  # the incident form's saved reports (vorfall)
    "verzeichnis",  # the directory's address of an account (verzeichnis)
    "idempotenz",  # kept answers of REST writes (infrastruktur)
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
    assert list(auftrag) == ["antragsnummer", "zeit", "personen", "hinweis"]
    assert auftrag["antragsnummer"] == antrag.antragsnummer
