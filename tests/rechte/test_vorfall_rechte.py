"""The incident form is edited only by Managers (issue 11, item 4): not by a
Site Administrator, not by StA 11 — neither its fields, its actions, its XML
models nor script actions, neither through the web nor the REST API."""

from plone.app.testing import SITE_OWNER_NAME
from tests.rechte.conftest import AKTEURE
from tests.rechte.conftest import REFUSED
from tests.rechte.conftest import SITE_ADMIN
from tests.rechte.conftest import verweigert
import pytest
import transaction


FORM = "soziale-netzwerke/vorfall-melden"
SKRIPT = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="hintertuer" type="collective.easyform.actions.CustomScript">
      <title>Hintertür</title>
      <ProxyRole>Manager</ProxyRole>
      <ScriptBody>return context.portal_membership.getMemberById('admin')</ScriptBody>
    </field>
  </schema>
</model>"""


@pytest.fixture
def formular(datenbank):
    return datenbank["vorfall-melden"]


EDITOREN = [*AKTEURE, SITE_ADMIN]


@pytest.mark.parametrize("userid", EDITOREN)
def test_only_managers_change_the_form_through_rest(rest, site_admin, formular, userid):
    modelle = (formular.fields_model, formular.actions_model)
    response = rest(userid).patch(
        FORM,
        json={"actions_model": SKRIPT, "fields_model": SKRIPT, "title": "Gehackt"},
    )
    assert response.status_code in REFUSED, response.status_code
    transaction.begin()
    assert (formular.fields_model, formular.actions_model) == modelle
    assert formular.Title() == "Vorfall melden"


@pytest.mark.parametrize("userid", EDITOREN)
def test_only_managers_open_the_form_editors(web, site_admin, userid):
    for page in (
        "@@edit",
        "fields",
        "actions",
        "fields/@@modeleditor",
        "actions/@@modeleditor",
        "actions/meldungen",
        "@@sharing",
        "manage_main",
        "delete_confirmation",
    ):
        response = web(userid).get(f"{FORM}/{page}")
        assert verweigert(response), (page, response.status_code)


def test_a_manager_still_edits_the_form(rest):
    response = rest(SITE_OWNER_NAME).patch(FORM, json={"description": "Neu"})
    assert response.status_code == 204, response.text


@pytest.mark.parametrize("userid", ["mitarbeiter", "sta11", SITE_ADMIN])
def test_everyone_signed_in_still_opens_the_form(web, site_admin, userid):
    response = web(userid).get(FORM)
    assert response.status_code == 200
    assert "Was ist passiert?" in response.text


def test_the_form_keeps_its_permissions_after_update_security(portal, formular):
    from plone import api
    from Products.CMFCore.utils import _checkPermission

    api.portal.get_tool("portal_workflow").updateRoleMappings()
    with api.env.adopt_roles(["Site Administrator"]):
        assert not _checkPermission("Modify portal content", formular)
        assert not _checkPermission("Delete objects", formular)
        assert not _checkPermission("collective.easyform: Add Custom Scripts", formular)
