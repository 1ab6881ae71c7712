"""Every service and page of the add-on answers only where the add-on is
installed (issue 20 item 10): they are registered for its browser layer, so
a second Plone site in the same Zope without the profile does not know
them."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from stadtdo.sozialnetz.interfaces import IBrowserLayer
from stadtdo.sozialnetz.verzeichnis.interfaces import IVerzeichnisLayer
from zope.component import getGlobalSiteManager
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserPage
import pytest
import requests
import transaction


def _eigene_seiten_und_dienste():
    """(name, request layer) of every browser page, view and REST service
    whose class comes from the add-on."""
    for reg in getGlobalSiteManager().registeredAdapters():
        if reg.provided not in (Interface, IBrowserPage) or len(reg.required) < 2:
            continue
        klassen = getattr(reg.factory, "__mro__", (reg.factory,))
        if any(
            getattr(k, "__module__", "").startswith("stadtdo.sozialnetz")
            for k in klassen
        ):
            yield reg.name, reg.required[1]


def test_every_page_and_service_of_the_addon_is_registered_for_its_layer(
    integration,
):
    gefunden = dict(_eigene_seiten_und_dienste())
    assert "POST_application_json_@votum" in gefunden
    assert "PATCH_application_json_@benachrichtigungen" in gefunden
    assert "rechte-verwalten" in gefunden
    ohne_schicht = sorted(
        name
        for name, schicht in gefunden.items()
        if not schicht.isOrExtends(IBrowserLayer)
        # the LDAP control panel: the layer of the profile "ldap"
        and schicht is not IVerzeichnisLayer
    )
    assert ohne_schicht == []


@pytest.fixture
def site_ohne_profil(functional):
    """A second Plone site in the same Zope, without stadtdo.sozialnetz."""
    from plone.testing.zope import login
    from plone.testing.zope import logout
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import getSite
    from zope.component.hooks import setSite

    app = functional["app"]
    vorher = getSite()
    login(app["acl_users"], SITE_OWNER_NAME)
    try:
        site = addPloneSite(
            app, "ohne", extension_ids=("plone.app.contenttypes:default",)
        )
        transaction.commit()
    finally:
        logout()
        setSite(vorher)
    return site.absolute_url()


@pytest.mark.parametrize(
    "methode,pfad",
    [
        ("GET", "@benachrichtigungen"),
        ("PATCH", "@benachrichtigungen"),
        ("GET", "@offizielle-kanaele"),
        ("POST", "@sozialnetz-jobs"),
        ("GET", "@@benachrichtigungen"),
        ("GET", "@@offizielle-kanaele"),
        ("GET", "@@sozialnetz-jobs"),
        ("GET", "@@sozialnetz-controlpanel"),
    ],
)
def test_a_site_without_the_profile_does_not_know_the_addons_doors(
    site_ohne_profil, functional_portal, methode, pfad
):
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    # a body the add-on's services refuse (400): nothing runs on either site
    body = {"datum": "2000-01-01"} if pfad == "@sozialnetz-jobs" else {"x": 1}
    header = {"Accept": "application/json"}
    if methode != "GET":
        header["Content-Type"] = "application/json"
    ohne = requests.request(
        methode, f"{site_ohne_profil}/{pfad}", auth=auth, headers=header, json=body
    )
    assert ohne.status_code == 404, ohne.text
    # the same door on the site with the add-on is there
    mit = requests.request(
        methode,
        f"{functional_portal.absolute_url()}/{pfad}",
        auth=auth,
        headers=header,
        json=body,
    )
    assert mit.status_code != 404, mit.text
