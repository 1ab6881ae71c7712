"""The mapping is edited in the control panel "Soziale Netzwerke:
Verzeichnisgruppen"; only the database's groups can be targets."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from stadtdo.sozialnetz.verzeichnis.einstellungen import RECORD
from stadtdo.sozialnetz.verzeichnis.einstellungen import zuordnung
import re
import transaction


def _formular(request_factory):
    session = request_factory(
        basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False
    )
    session.headers["Accept"] = "text/html"
    seite = session.get("@@sozialnetz-verzeichnis")
    assert seite.status_code == 200
    feld = re.search(r'<input[^>]*name="_authenticator"[^>]*>', seite.text).group(0)
    return session, re.search(r'value="([^"]+)"', feld).group(1)


def _speichern(session, token, zeilen):
    return session.post(
        "@@sozialnetz-verzeichnis",
        data={
            "form.widgets.gruppen_zuordnung": "\n".join(zeilen),
            "form.buttons.save": "Speichern",
            "_authenticator": token,
        },
    )


def test_the_control_panel_saves_a_mapping_onto_database_groups(
    portal, request_factory
):
    session, token = _formular(request_factory)

    antwort = _speichern(session, token, ["SN-POA = sn-poa", "SN-FB50 = fb-50-leitung"])

    assert antwort.status_code == 200
    assert "Änderungen wurden gespeichert" in antwort.text
    # a new request reads the saved mapping
    wieder = session.get("@@sozialnetz-verzeichnis").text
    feld = re.search(
        r"(?s)<textarea[^>]*gruppen_zuordnung[^>]*>(.*?)</textarea>", wieder
    )
    assert feld.group(1).split("\n") == ["SN-POA = sn-poa", "SN-FB50 = fb-50-leitung"]


def test_zuordnung_reads_the_lines(portal):
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(
            RECORD, ["SN-POA = sn-poa", "  SN-FB50 =fb-50-leitung ", "", "kaputt"]
        )
    assert zuordnung() == {"sn-poa": "sn-poa", "sn-fb50": "fb-50-leitung"}


def test_the_control_panel_refuses_a_group_outside_the_database(
    portal, request_factory
):
    vorher = api.portal.get_registry_record(RECORD)
    session, token = _formular(request_factory)

    antwort = _speichern(session, token, ["SN-Admins = Administrators"])

    assert "ist keine Gruppe der Datenbank" in antwort.text
    assert "Änderungen wurden gespeichert" not in antwort.text
    assert api.portal.get_registry_record(RECORD) == vorher


def test_the_mapping_never_targets_sta11_or_administrators(portal):
    # even when written into the registry directly, only database groups
    # are applied (abgleich intersects with datenbank_gruppen)
    from stadtdo.sozialnetz.content.datenbank import get_datenbank
    from stadtdo.sozialnetz.rechte.umfang import datenbank_gruppen

    gruppen = datenbank_gruppen(get_datenbank())
    assert "sn-sta11" not in gruppen
    assert "Administrators" not in gruppen


SITE_ADMIN = ("verzeichnis-siteadmin", "demo-siteadmin-geheim")


def test_a_site_administrator_changes_the_mapping_through_no_door(
    portal, request_factory
):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=SITE_ADMIN[0],
            password=SITE_ADMIN[1],
            email="siteadmin@stadtdo.example",
        )
        api.user.grant_roles(username=SITE_ADMIN[0], roles=["Site Administrator"])
    transaction.commit()
    vorher = api.portal.get_registry_record(RECORD)

    rest = request_factory(basic_auth=SITE_ADMIN)
    antwort = rest.patch("@registry", json={RECORD: ["Alle = sn-agentur"]})
    assert antwort.status_code in (401, 403), antwort.text

    web = request_factory(basic_auth=SITE_ADMIN, api=False)
    web.headers["Accept"] = "text/html"
    seite = web.get("@@sozialnetz-verzeichnis", allow_redirects=False)
    # refused: Plone sends the user to the login form (302) or answers 401/403
    assert seite.status_code in (302, 401, 403)
    assert "gruppen_zuordnung" not in seite.text

    transaction.begin()
    assert api.portal.get_registry_record(RECORD) == vorher


def test_a_manager_changes_the_mapping_through_the_rest_api(portal, request_factory):
    rest = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    antwort = rest.patch("@registry", json={RECORD: ["SN-POA = sn-poa"]})
    assert antwort.status_code == 204, antwort.text
