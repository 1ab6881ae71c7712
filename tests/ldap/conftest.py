"""Sign-in from the directory against a real OpenLDAP (Debian's ``slapd``).

``make test`` installs slapd; without it these tests are skipped with the
reason. The site is the functional layer with the profile ``ldap`` whose
plugin talks to the layer's slapd (``layer.py``).
"""

from plone import api
from pytest_plone import fixtures_factory
from tests.ldap import slapd as slapd_module
from tests.ldap.layer import VERZEICHNIS_FIXTURE
from tests.ldap.layer import VERZEICHNIS_FUNCTIONAL_TESTING
import pytest
import transaction


# "functional" here is the layer with the profile ldap, so that
# functional_portal and request_factory talk to it.
globals().update(fixtures_factory(((VERZEICHNIS_FUNCTIONAL_TESTING, "functional"),)))


@pytest.fixture
def slapd(functional):
    if VERZEICHNIS_FIXTURE.slapd is None:
        pytest.skip(
            "slapd fehlt (Debian: apt-get install slapd ldap-utils; `make test` "
            "installiert es)"
        )
    return VERZEICHNIS_FIXTURE.slapd


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def verzeichnis(portal, slapd):
    """The site's pas.plugins.ldap plugin, talking to the layer's slapd."""
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
