"""The control panel "Soziale Netzwerke": for administrators only."""

from plone import api
from plone.testing.zope import Browser
from stadtdo.sozialnetz.settings import ISozialnetzSettings
import transaction


def _admin_browser(functional):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Accept-Language", "de")
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def test_admin_sets_the_systemhaus_address(functional, portal):
    transaction.commit()
    browser = _admin_browser(functional)
    browser.open(portal.absolute_url() + "/@@sozialnetz-controlpanel")
    browser.getControl(
        name="form.widgets.adresse_systemhaus"
    ).value = "auftrag@dosys.example"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert (
        api.portal.get_registry_record(
            "adresse_systemhaus", interface=ISozialnetzSettings
        )
        == "auftrag@dosys.example"
    )


def test_invalid_address_is_refused_in_german(functional, portal):
    transaction.commit()
    browser = _admin_browser(functional)
    browser.open(portal.absolute_url() + "/@@sozialnetz-controlpanel")
    browser.getControl(name="form.widgets.adresse_poa").value = "kein-at"
    browser.getControl(name="form.buttons.save").click()
    assert "„kein-at“ ist keine gültige E-Mail-Adresse." in browser.contents
    transaction.begin()
    assert (
        api.portal.get_registry_record("adresse_poa", interface=ISozialnetzSettings)
        is None
    )


def test_configlet_listed_for_admins(portal):
    configlets = api.portal.get_tool("portal_controlpanel").listActions()
    assert "sozialnetz-settings" in [action.getId() for action in configlets]


def test_staff_cannot_open_the_control_panel(browser_as, portal):
    browser = browser_as("mitarbeiter")
    browser.open(portal.absolute_url() + "/@@sozialnetz-controlpanel")
    assert 'name="form.widgets.adresse_poa"' not in browser.contents
