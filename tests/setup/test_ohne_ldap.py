"""A site without the profile ``ldap`` signs in as before, although
pas.plugins.ldap is installed (``make start`` needs no directory)."""

from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.verzeichnis.abgleich import abgleichen
from stadtdo.sozialnetz.verzeichnis.abgleich import ldap_plugin


def test_no_ldap_plugin_without_the_profile(portal):
    assert "pasldap" not in portal.acl_users.objectIds()
    assert ldap_plugin() is None
    assert abgleichen("mitarbeiter") is None


def test_sign_in_works_without_a_directory(functional_portal, request_factory):
    antwort = request_factory().post(
        "@login",
        json={"login": "mitarbeiter", "password": demo_password("mitarbeiter")},
    )
    assert antwort.status_code == 200, antwort.text
    assert antwort.json()["token"]
