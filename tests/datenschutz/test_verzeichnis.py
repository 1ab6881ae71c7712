"""The Verarbeitungsverzeichnis: every personal field has a documented
purpose, readers and a retention rule read from the settings."""

from plone import api
from stadtdo.sozialnetz.content.person import IPerson
from stadtdo.sozialnetz.datenschutz.verzeichnis import zeilen
from stadtdo.sozialnetz.settings import ISozialnetzSettings


def test_every_person_field_has_a_purpose(portal):
    felder = {z["feld"]: z for z in zeilen()}
    for name in IPerson.names():
        assert name in felder
        assert felder[name]["zweck"] != "Zweck nicht dokumentiert", name
        assert felder[name]["grundlage"] and felder[name]["leser"], name


def test_name_rests_on_anlage_1_nr_1(portal):
    felder = {z["feld"]: z for z in zeilen()}
    assert felder["nachname"]["grundlage"] == "Anlage 1 Nr. 1"
    assert felder["vorname"]["grundlage"] == "Anlage 1 Nr. 1"


def test_retention_rule_follows_the_settings(portal):
    api.portal.set_registry_record(
        "aufbewahrung_tage", 30, interface=ISozialnetzSettings
    )
    (email,) = [z for z in zeilen() if z["feld"] == "email"]
    assert email["loeschung"].startswith("30 Tage nach Ende der Aufgabe")


def test_page_lists_the_fields(portal):
    datenbank = portal["soziale-netzwerke"]
    with api.env.adopt_user(username="datenschutz"):
        html = api.content.get_view(
            "verarbeitungsverzeichnis", datenbank, portal.REQUEST
        )()
    assert "Verarbeitungsverzeichnis" in html
    assert "internetfreischaltung" in html
