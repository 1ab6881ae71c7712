"""The functional layer with the profile ``ldap`` and a real slapd.

The layer starts Debian's slapd with the demo directory (``slapd.py``) and
points pas.plugins.ldap to it before any test signs in (Plone's test set-up
looks users up in every plugin). Without slapd the profile is installed all
the same and the tests skip (``conftest.slapd``).
"""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing import zope
from plone.testing.zope import WSGI_SERVER_FIXTURE
from stadtdo.sozialnetz.testing import FIXTURE
from stadtdo.sozialnetz.verzeichnis.einstellungen import RECORD
from tests.ldap import slapd as slapd_module


ZUORDNUNG = [
    "SN-FB10-Mitarbeitende = fb-10-mitarbeiter",
    "SN-Agentur = sn-agentur",
    "SN-Datenschutz = sn-datenschutz",
]


class VerzeichnisLayer(PloneSandboxLayer):
    defaultBases = (FIXTURE,)

    slapd = None

    def setUpZope(self, app, configurationContext):
        # pas.plugins.ldap registers its PAS plugin class in initialize()
        zope.installProduct(app, "pas.plugins.ldap")

    def setUpPloneSite(self, portal):
        applyProfile(portal, "stadtdo.sozialnetz:ldap")
        api.portal.set_registry_record(RECORD, list(ZUORDNUNG))
        if slapd_module.slapd_binary() and slapd_module.slapadd_binary():
            self.slapd = slapd_module.Slapd().start()
            settings = portal.acl_users.pasldap.settings
            settings["server.uri"] = self.slapd.uri
            settings["server.user"] = slapd_module.ROOT_DN
            settings["server.password"] = slapd_module.ROOT_PASSWORD
            settings["users.baseDN"] = slapd_module.PEOPLE
            settings["groups.baseDN"] = slapd_module.GROUPS

    def tearDownZope(self, app):
        zope.uninstallProduct(app, "pas.plugins.ldap")

    def tearDown(self):
        super().tearDown()
        if self.slapd is not None:
            self.slapd.stop()
            self.slapd = None


VERZEICHNIS_FIXTURE = VerzeichnisLayer()

VERZEICHNIS_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(VERZEICHNIS_FIXTURE, WSGI_SERVER_FIXTURE),
    name="StadtdoSozialnetzVerzeichnisLayer:FunctionalTesting",
)
