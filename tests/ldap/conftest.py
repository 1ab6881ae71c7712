"""Sign-in from the directory against a real OpenLDAP (Debian's ``slapd``).

``make test`` installs slapd; without it the tests that need it are skipped
with the reason. The site is the functional layer of tests/conftest.py; each
test installs the profile ``ldap`` into its own (rolled back) database and
points the plugin to the session's slapd. No layer of its own: a second
sandbox layer kept for the session would become the database of every
integration test after it.
"""

from plone import api
from plone.app.testing import applyProfile
from stadtdo.sozialnetz.verzeichnis.einstellungen import RECORD
from tests.ldap import slapd as slapd_module
import pytest
import transaction


ZUORDNUNG = [
    "SN-FB10-Mitarbeitende = fb-10-mitarbeiter",
    "SN-Agentur = sn-agentur",
    "SN-Datenschutz = sn-datenschutz",
]


@pytest.fixture(scope="session")
def slapd():
    if slapd_module.slapd_binary() is None or slapd_module.slapadd_binary() is None:
        pytest.skip(
            "slapd fehlt (Debian: apt-get install slapd ldap-utils; `make test` "
            "installiert es)"
        )
    server = slapd_module.Slapd().start()
    yield server
    server.stop()


@pytest.fixture
def portal(functional_portal, slapd):
    """The functional site with the profile ``ldap``, its plugin talking to
    the session's slapd, and the mapping of ``ZUORDNUNG`` (committed)."""
    with api.env.adopt_roles(["Manager"]):
        applyProfile(functional_portal, "stadtdo.sozialnetz:ldap")
        api.portal.set_registry_record(RECORD, list(ZUORDNUNG))
    settings = functional_portal.acl_users.pasldap.settings
    settings["server.uri"] = slapd.uri
    settings["server.user"] = slapd_module.ROOT_DN
    settings["server.password"] = slapd_module.ROOT_PASSWORD
    settings["users.baseDN"] = slapd_module.PEOPLE
    settings["groups.baseDN"] = slapd_module.GROUPS
    transaction.commit()
    return functional_portal


@pytest.fixture
def verzeichnis(portal):
    """The site's pas.plugins.ldap plugin."""
    return portal.acl_users.pasldap


def passwort(uid):
    return slapd_module.BENUTZER[uid][2]


@pytest.fixture
def anmelden(request_factory):
    """``anmelden(uid, passwort)``: POST @login; returns the response."""

    def _anmelden(uid, kennwort=None):
        session = request_factory()
        return session.post(
            "@login",
            json={"login": uid, "password": kennwort or passwort(uid)},
        )

    return _anmelden


def gruppen_von(userid):
    """The user's memberships as stored now (after the server's commit)."""
    transaction.begin()
    return {
        gruppe.getId()
        for gruppe in api.group.get_groups(username=userid)
        if gruppe.getId() != "AuthenticatedUsers"
    }
