"""Every REST service of the add-on answers only where the add-on is
installed (issue 22 item 4): the services are taken from the component
registry, not from a list, so a new service registered without the add-on's
browser layer fails here. ``tests/setup/test_nur_mit_profil.py`` checks the
layer of every page and service and a few doors by hand."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.setup.test_nur_mit_profil import site_ohne_profil  # noqa: F401 (fixture)
from zope.component import getGlobalSiteManager
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
import requests


METHODEN = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _vom_addon(factory):
    klassen = getattr(factory, "__mro__", (factory,))
    return any(
        getattr(k, "__module__", "").startswith("stadtdo.sozialnetz") for k in klassen
    )


def _dienste():
    """Registrations of the add-on's REST services (plone.rest names them
    ``<METHOD>_<type>_<subtype>_<name>``)."""
    for reg in getGlobalSiteManager().registeredAdapters():
        if reg.provided is not Interface or len(reg.required) != 2:
            continue
        if reg.name.split("_", 1)[0] in METHODEN and _vom_addon(reg.factory):
            yield reg


def _ohne_addon(reg):
    """The factory answering ``reg``'s name on its context for a request
    without the add-on's layers (as on a site without its profile)."""
    return getGlobalSiteManager().adapters.lookup(
        (reg.required[0], IDefaultBrowserLayer), Interface, reg.name
    )


def test_no_service_of_the_addon_answers_without_its_layer(portal):
    dienste = list(_dienste())
    namen = {reg.name for reg in dienste}
    # the registry really is searched: services of every part of the add-on
    assert "POST_application_json_@votum" in namen
    assert "GET_text_csv_@auskunft" in namen
    assert "GET_application_json_@rechte-mitglieder" in namen
    assert "POST_application_json_@sharing" in namen
    falsch = sorted(
        reg.name for reg in dienste if (f := _ohne_addon(reg)) and _vom_addon(f)
    )
    assert falsch == []


def test_a_site_without_the_profile_answers_404_for_every_service(
    site_ohne_profil,  # noqa: F811 (fixture)
    portal,
):
    """Every service of the add-on on the site root, asked on a site without
    the profile: 404 (plone.restapi's own services the add-on overrides, such
    as ``@sharing``, answer there as plone.restapi does – the test above)."""
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    gefragt = []
    for reg in _dienste():
        if not reg.required[0].providedBy(portal) or _ohne_addon(reg):
            continue
        methode, typ, subtyp, name = reg.name.split("_", 3)
        header = {"Accept": f"{typ}/{subtyp}"}
        if methode != "GET":
            header["Content-Type"] = "application/json"
        # a body the add-on's services refuse: nothing runs on either site
        antwort = requests.request(
            methode,
            f"{site_ohne_profil}/{name}",
            auth=auth,
            headers=header,
            json={"datum": "2000-01-01", "x": 1},
        )
        assert antwort.status_code == 404, (reg.name, antwort.text)
        gefragt.append(reg.name)
    assert "POST_application_json_@sozialnetz-jobs" in gefragt
    assert "GET_text_csv_@offizielle-kanaele" in gefragt
    assert "PATCH_application_json_@benachrichtigungen" in gefragt
