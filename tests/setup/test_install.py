"""Install and uninstall of the add-on's profile."""

from plone import api
from plone.base.utils import get_installer
from plone.browserlayer import utils
from stadtdo.sozialnetz.interfaces import IBrowserLayer
import pytest


PACKAGE = "stadtdo.sozialnetz"


def test_product_installed(portal):
    installer = get_installer(portal)
    assert installer.is_product_installed(PACKAGE)


def test_browserlayer_registered(portal):
    assert IBrowserLayer in utils.registered_layers()


@pytest.mark.parametrize(
    "portal_type", ["SozialnetzDatenbank", "Fachbereich", "Antrag", "Person", "Anlage"]
)
def test_types_installed(portal, portal_type):
    assert portal_type in api.portal.get_tool("portal_types")


@pytest.mark.parametrize(
    "portal_type,chain",
    [
        ("Antrag", ("sozialnetz_antrag_workflow",)),
        ("Fachbereich", ("sozialnetz_fachbereich_workflow",)),
        ("SozialnetzDatenbank", ("sozialnetz_datenbank_workflow",)),
        ("Person", ()),
        ("Anlage", ()),
    ],
)
def test_workflow_chains(portal, portal_type, chain):
    wf_tool = api.portal.get_tool("portal_workflow")
    assert wf_tool.getChainForPortalType(portal_type) == chain


def test_database_folder_created_by_install(portal):
    datenbank = portal["soziale-netzwerke"]
    assert datenbank.portal_type == "SozialnetzDatenbank"


@pytest.mark.parametrize(
    "index", ["antragsnummer", "fachbereich", "plattform", "antragsart", "review_state"]
)
def test_catalog_indexes(portal, index):
    assert index in api.portal.get_tool("portal_catalog").indexes()


@pytest.mark.parametrize(
    "column", ["antragsnummer", "fachbereich_titel", "plattform_titel", "kontoname"]
)
def test_catalog_metadata(portal, column):
    assert column in api.portal.get_tool("portal_catalog").schema()


@pytest.mark.parametrize("portal_type", ["Antrag", "Person", "Anlage"])
def test_versioning_enabled(portal, portal_type):
    repository = api.portal.get_tool("portal_repository")
    assert portal_type in repository.getVersionableContentTypes()
    assert "at_edit_autoversion" in repository.getPolicyMap()[portal_type]


def test_platforms_in_registry(portal):
    plattformen = api.portal.get_registry_record("stadtdo.sozialnetz.plattformen")
    assert plattformen["facebook"] == "Facebook"


def test_reinstall_keeps_data(portal, make_antrag):
    antrag = make_antrag()
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-stadtdo.sozialnetz:default")
    assert antrag.getId() in portal["soziale-netzwerke"]["fb-10"]


def test_uninstall_drops_the_stored_answers(portal):
    from stadtdo.sozialnetz.infrastruktur import idempotenz
    from zope.annotation.interfaces import IAnnotations

    speicher = idempotenz._speicher(anlegen=True)
    speicher["schluessel-1234"] = idempotenz.GespeicherteAntwort("x", 201, (), "{}")
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).uninstall_product(PACKAGE)
    assert idempotenz.ANNOTATION_KEY not in IAnnotations(portal)


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, portal):
        installer = get_installer(portal)
        with api.env.adopt_roles(["Manager"]):
            installer.uninstall_product(PACKAGE)
        self.installer = installer

    def test_product_uninstalled(self):
        assert not self.installer.is_product_installed(PACKAGE)

    def test_browserlayer_removed(self):
        assert IBrowserLayer not in utils.registered_layers()

    def test_text_indexes_are_plones_again(self, portal):
        from Products.ZCTextIndex.OkapiIndex import OkapiIndex

        catalog = api.portal.get_tool("portal_catalog")
        for name in ("SearchableText", "Title", "Description"):
            textindex = catalog._catalog.getIndex(name)
            assert type(textindex.index) is OkapiIndex
            assert textindex._index_factory is OkapiIndex

    def test_rights_tabs_removed(self, portal):
        actions = api.portal.get_tool("portal_actions").object
        assert "rechte-verwalten" not in actions
        assert "rechte-protokoll" not in actions


def test_accessibility_bundle_registered(portal):
    assert (
        api.portal.get_registry_record(
            "plone.bundles/stadtdo-sozialnetz.csscompilation"
        )
        == "++plone++stadtdo.sozialnetz/sozialnetz.css"
    )


def test_uninstall_removes_the_bundle(portal):
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).uninstall_product(PACKAGE)
    assert (
        api.portal.get_registry_record(
            "plone.bundles/stadtdo-sozialnetz.enabled", default=None
        )
        is None
    )


def test_uninstall_removes_every_action_the_profile_added(portal):
    """Each action of profiles/default/actions.xml is gone after uninstall
    (a link left behind leads to a 404)."""
    from lxml import etree
    from pathlib import Path
    import stadtdo.sozialnetz

    profil = Path(stadtdo.sozialnetz.__file__).parent / "profiles" / "default"
    baum = etree.parse(str(profil / "actions.xml"))
    hinzugefuegt = [
        (kategorie.get("name"), action.get("name"))
        for kategorie in baum.getroot()
        for action in kategorie
        if action.get("remove") is None
    ]
    tool = api.portal.get_tool("portal_actions")
    assert ("user", "benachrichtigungen") in hinzugefuegt
    assert all(name in tool[kategorie] for kategorie, name in hinzugefuegt)
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).uninstall_product(PACKAGE)
    uebrig = [(k, n) for k, n in hinzugefuegt if n in tool[k]]
    assert uebrig == []
