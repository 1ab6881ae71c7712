"""Test layers: the add-on installed on a Plone site with the demo set."""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import MOCK_MAILHOST_FIXTURE
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE
from stadtdo.sozialnetz.demo import create_demo_content
import os
import plone.restapi
import stadtdo.sozialnetz


os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class SozialnetzLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=stadtdo.sozialnetz)

    def setUpPloneSite(self, portal):

        applyProfile(portal, "stadtdo.sozialnetz:default")
        # like the demo site: German UI, English available
        api.portal.set_registry_record("plone.default_language", "de")
        api.portal.set_registry_record("plone.available_languages", ["de", "en"])
        with api.env.adopt_roles(["Manager"]):
            create_demo_content(portal)


FIXTURE = SozialnetzLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE, MOCK_MAILHOST_FIXTURE),
    name="StadtdoSozialnetzLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="StadtdoSozialnetzLayer:FunctionalTesting",
)
