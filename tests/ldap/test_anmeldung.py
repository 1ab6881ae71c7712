"""Staff sign in with the directory's password; the directory's groups give
the database's groups through the separation of duties and the record."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.interfaces.plugins import IUserEnumerationPlugin
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.rechte import protokoll
from tests.ldap.conftest import gruppen_von
from tests.ldap.conftest import passwort
import logging
import transaction


def _eintraege(principal):
    transaction.begin()
    return protokoll.eintraege(principal=principal)


def test_profile_keeps_only_sign_in_active(portal):
    plugins = portal.acl_users.plugins
    assert "pasldap" in plugins.listPluginIds(IAuthenticationPlugin)
    assert "pasldap" in plugins.listPluginIds(IUserEnumerationPlugin)
    # the directory's groups are no Plone groups: the mapping gives groups
    assert "pasldap" not in plugins.listPluginIds(IGroupsPlugin)


def test_rest_login_of_a_directory_user_gives_the_mapped_group(
    portal, verzeichnis, anmelden, request_factory
):
    assert "fb-10-mitarbeiter" not in gruppen_von("ldap.mitarbeiterin")

    response = anmelden("ldap.mitarbeiterin")

    assert response.status_code == 200, response.text
    token = response.json()["token"]
    assert gruppen_von("ldap.mitarbeiterin") == {"fb-10-mitarbeiter"}
    user = api.user.get(userid="ldap.mitarbeiterin")
    assert user.getProperty("fullname") == "Mira Verzeichnis"
    assert user.getProperty("email") == "mira.verzeichnis@stadtdo.example"
    eintrag = _eintraege("ldap.mitarbeiterin")[0]
    assert eintrag["art"] == protokoll.MITGLIEDSCHAFT
    assert eintrag["ziel"] == "fb-10-mitarbeiter"
    assert eintrag["nachher"] is True
    assert "@login" in eintrag["quelle"]

    rollen = api.user.get_roles(
        username="ldap.mitarbeiterin", obj=portal["soziale-netzwerke"]["fb-10"]
    )
    assert "SNMitarbeiter" in rollen

    # a second sign-in (not the first any more) changes nothing
    anzahl = len(_eintraege("ldap.mitarbeiterin"))
    assert anmelden("ldap.mitarbeiterin").status_code == 200
    assert gruppen_von("ldap.mitarbeiterin") == {"fb-10-mitarbeiter"}
    assert len(_eintraege("ldap.mitarbeiterin")) == anzahl

    # with the token the user works as staff of FB 10: may add an Antrag there
    assert "Antrag" in _addable(request_factory, token, "soziale-netzwerke/fb-10")


def _addable(request_factory, token, path):
    session = request_factory()
    session.headers["Authorization"] = f"Bearer {token}"
    antwort = session.get(f"{path}/@types")
    assert antwort.status_code == 200, antwort.text
    return {t["id"] for t in antwort.json() if t.get("addable")}


def test_without_the_mapped_group_no_antrag_in_the_department(
    portal, verzeichnis, anmelden, request_factory
):
    token = anmelden("ldap.agentur").json()["token"]
    assert "Antrag" not in _addable(request_factory, token, "soziale-netzwerke/fb-10")


def test_wrong_password_is_refused(portal, verzeichnis, anmelden):
    response = anmelden("ldap.mitarbeiterin", "falsch")

    assert response.status_code == 401
    assert gruppen_von("ldap.mitarbeiterin") == set()


def test_a_user_of_the_directory_without_mapped_groups_gets_nothing(
    portal, verzeichnis, anmelden
):
    response = anmelden("ldap.agentur")
    assert response.status_code == 200
    assert gruppen_von("ldap.agentur") == {"sn-agentur"}


def test_two_bodies_from_the_directory_are_refused_and_recorded(
    portal, verzeichnis, anmelden, caplog, request_factory
):
    caplog.set_level(logging.WARNING, logger="stadtdo.sozialnetz.verzeichnis")

    response = anmelden("ldap.konflikt")

    # the sign-in works, the department group is given, no body at all
    assert response.status_code == 200
    assert gruppen_von("ldap.konflikt") == {"fb-10-mitarbeiter"}
    abgelehnt = [
        e
        for e in _eintraege("ldap.konflikt")
        if e["art"] == protokoll.VERZEICHNIS_ABGELEHNT
    ]
    assert {e["ziel"] for e in abgelehnt} == {"sn-agentur", "sn-datenschutz"}
    assert all("zweier Gremien" in e["grund"] for e in abgelehnt)
    assert "ldap.konflikt" in caplog.text and "sn-agentur" in caplog.text

    # Personalrat reads the refusals with their reason (service and page)
    personalrat = request_factory(
        basic_auth=("personalrat", demo_password("personalrat"))
    )
    antwort = personalrat.get(
        "soziale-netzwerke/@rechte-protokoll", params={"principal": "ldap.konflikt"}
    )
    assert antwort.status_code == 200
    arten = [e["art"] for e in antwort.json()["items"]]
    assert arten.count(protokoll.VERZEICHNIS_ABGELEHNT) == 2
    personalrat = request_factory(
        basic_auth=("personalrat", demo_password("personalrat")), api=False
    )
    seite = personalrat.get("soziale-netzwerke/@@rechte-protokoll")
    assert seite.status_code == 200
    assert "verzeichnis_abgelehnt" in seite.text
    assert "zweier Gremien" in seite.text


def test_sta11_is_not_put_into_a_body_by_the_directory(portal, verzeichnis, anmelden):
    api.group.add_user(groupname="sn-sta11", username="ldap.agentur")
    transaction.commit()

    response = anmelden("ldap.agentur")

    assert response.status_code == 200
    assert gruppen_von("ldap.agentur") == {"sn-sta11"}
    eintrag = _eintraege("ldap.agentur")[0]
    assert eintrag["art"] == protokoll.VERZEICHNIS_ABGELEHNT
    assert eintrag["ziel"] == "sn-agentur"
    assert "Berechtigungsverwaltung" in eintrag["grund"]


def test_the_directory_takes_back_a_mapped_group(portal, verzeichnis, anmelden):
    # given by hand, but the directory does not put Anton into FB 10
    api.group.add_user(groupname="fb-10-mitarbeiter", username="ldap.agentur")
    transaction.commit()

    assert anmelden("ldap.agentur").status_code == 200

    assert gruppen_von("ldap.agentur") == {"sn-agentur"}
    entfernt = [
        e
        for e in _eintraege("ldap.agentur")
        if e["ziel"] == "fb-10-mitarbeiter" and e["nachher"] is False
    ]
    assert entfernt


def test_login_form_signs_in_and_applies_the_mapping(
    portal, verzeichnis, request_factory
):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    response = session.post(
        "login",
        data={
            "__ac_name": "ldap.agentur",
            "__ac_password": passwort("ldap.agentur"),
            "came_from": portal.absolute_url(),
            "buttons.login": "Anmelden",
        },
    )

    assert response.status_code == 200
    assert "__ac" in session.cookies
    assert gruppen_von("ldap.agentur") == {"sn-agentur"}


def test_the_ldap_settings_page_of_pas_plugins_ldap_works(portal, request_factory):
    """pas.plugins.ldap's own control panel (server, users, groups) and its
    inspector render on Plone 6.2 and show the directory's users."""
    session = request_factory(
        basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False
    )
    seite = session.get("@@plone_ldapcontrolpanel")
    assert seite.status_code == 200
    assert portal.acl_users.pasldap.settings["server.uri"] in seite.text
    nutzer = session.get("@@plone_ldapusers")
    assert nutzer.status_code == 200
    assert "ldap.mitarbeiterin" in nutzer.text


def test_users_of_the_site_sign_in_while_the_directory_refuses(
    portal, verzeichnis, anmelden, request_factory
):
    verzeichnis.settings["server.password"] = "falsch"
    transaction.commit()

    antwort = request_factory().post(
        "@login",
        json={"login": "mitarbeiter", "password": demo_password("mitarbeiter")},
    )

    assert antwort.status_code == 200, antwort.text
    assert anmelden("ldap.mitarbeiterin").status_code == 401
    assert gruppen_von("mitarbeiter") == {"fb-10-mitarbeiter"}
