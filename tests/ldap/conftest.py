"""Sign-in from the directory against a real OpenLDAP (Debian's ``slapd``).

``make test`` installs slapd; without it these tests are skipped with the
reason. The site is the functional layer with the profile ``ldap``; each test
points the plugin to the session's slapd and sets the group mapping.
"""

from pas.plugins.ldap.cache import get_plugin_cache
from pas.plugins.ldap.interfaces import VALUE_NOT_CACHED
from plone import api
from pytest_plone import fixtures_factory
from stadtdo.sozialnetz.testing import LDAP_FUNCTIONAL_TESTING
from stadtdo.sozialnetz.verzeichnis.einstellungen import RECORD
from tests.ldap import slapd as slapd_module
import pytest
import transaction


# "functional" here is the functional layer with the profile ldap, so that
# functional_portal and request_factory talk to it.
globals().update(fixtures_factory(((LDAP_FUNCTIONAL_TESTING, "functional"),)))

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
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def verzeichnis(portal, slapd):
    """The plugin pointed to the test's slapd, the mapping set, committed."""
    plugin = portal.acl_users.pasldap
    plugin.settings["server.uri"] = slapd.uri
    plugin.settings["server.user"] = slapd_module.ROOT_DN
    plugin.settings["server.password"] = slapd_module.ROOT_PASSWORD
    plugin.settings["users.baseDN"] = slapd_module.PEOPLE
    plugin.settings["groups.baseDN"] = slapd_module.GROUPS
    # forget an error of an earlier call (pas.plugins.ldap waits 5 minutes)
    for name in ("_v_ldaperror_timeout", "_v_ldaperror_msg"):
        plugin.__dict__.pop(name, None)
    plugin._p_changed = True
    # the plugin keeps its directory connection per request
    get_plugin_cache(plugin).set(VALUE_NOT_CACHED)
    api.portal.set_registry_record(RECORD, list(ZUORDNUNG))
    transaction.commit()
    return plugin


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
