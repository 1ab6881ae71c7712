"""The upgrade function of issue 20 (``fachbereichsrechte_einfuehren``)
brings an existing site to the department rules and to stock Plone's
"Manage users", and records what it removed."""

from plone import api
from plone.app.workflow.exportimport import PersistentSharingPageRole
from plone.app.workflow.interfaces import ISharingPageRole
from Products.CMFCore.utils import _checkPermission
from stadtdo.sozialnetz.content.fachbereich import IFachbereich
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.upgrades import fachbereichsrechte_einfuehren
from tests.rechte.conftest import alte_mitgliedschaft
from zope.component import getSiteManager
import pytest


@pytest.fixture
def alte_site(portal, datenbank, fb10, antrag_in, site_admin):
    """What issue 20 found on a site before it."""
    antrag = antrag_in("beteiligung")
    portal.manage_permission("Manage users", ["Manager", "Site Administrator"], 1)
    portal.acl_users.manage_permission("Manage users", ["Manager"], 0)
    getSiteManager(portal).registerUtility(
        PersistentSharingPageRole(
            title="Leitung",
            required_permission="stadtdo.sozialnetz: Delegate Sozialnetz roles",
        ),
        ISharingPageRole,
        "SNFachbereichsleitung",
    )
    datenbank.manage_setLocalRoles(
        "mitarbeiter50", ["SNFachbereichsleitung", "SNMitarbeiter"]
    )
    fb10.manage_setLocalRoles("sn-poa", ["SNFachbereichsleitung"])
    fb10.manage_setLocalRoles("mitarbeiter50", ["SNMitarbeiter", "Reader"])
    antrag.manage_setLocalRoles("fb-10-leitung", ["SNFachbereichsleitung"])
    with api.env.adopt_roles(["Manager"]):
        seite = api.content.create(container=portal, type="Document", id="seite")
    seite.manage_setLocalRoles("mitarbeiter", ["SNMitarbeiter", "Editor"])
    return {"antrag": antrag, "seite": seite}


def test_department_roles_leave_every_place_but_the_folders_groups(
    alte_site, datenbank, fb10
):
    ergebnis = fachbereichsrechte_einfuehren(None)
    antrag, seite = alte_site["antrag"], alte_site["seite"]
    assert datenbank.get_local_roles_for_userid("mitarbeiter50") == ()
    assert fb10.get_local_roles_for_userid("sn-poa") == ()
    assert fb10.get_local_roles_for_userid("mitarbeiter50") == ("Reader",)
    assert antrag.get_local_roles_for_userid("fb-10-leitung") == ()
    assert seite.get_local_roles_for_userid("mitarbeiter") == ("Editor",)
    # the folder's own groups keep theirs
    assert fb10.get_local_roles_for_userid("fb-10-leitung") == (
        "SNFachbereichsleitung",
    )
    assert set(ergebnis["bereinigt"]) >= {
        "soziale-netzwerke",
        "soziale-netzwerke/fb-10",
        "/".join(antrag.getPhysicalPath()[2:]),
        "seite",
    }


def test_each_removal_is_recorded(alte_site):
    fachbereichsrechte_einfuehren(None)
    eintraege = {
        (e["principal"], e["ziel"]): e
        for e in protokoll.eintraege()
        if e["art"] == protokoll.LOKALE_ROLLEN
    }
    eintrag = eintraege[("mitarbeiter50", "soziale-netzwerke")]
    assert eintrag["vorher"] == ["SNFachbereichsleitung", "SNMitarbeiter"]
    assert eintrag["nachher"] == []
    assert eintraege[("sn-poa", "soziale-netzwerke/fb-10")]["nachher"] == []
    assert eintraege[("mitarbeiter", "seite")]["nachher"] == ["Editor"]


def test_manage_users_as_in_stock_plone(alte_site, portal, site_admin):
    fachbereichsrechte_einfuehren(None)
    for obj in (portal, portal.acl_users):
        assert obj.acquiredRolesAreUsedBy("Manage users") == "CHECKED"
        assert "Site Administrator" not in {
            r["name"] for r in obj.rolesOfPermission("Manage users") if r["selected"]
        }
    with api.env.adopt_user(username=site_admin):
        assert not _checkPermission("Manage users", portal)
    with api.env.adopt_roles(["Manager"]):
        assert _checkPermission("Manage users", portal.acl_users)


def test_sharing_offers_department_roles_on_fachbereich_folders_only(alte_site, portal):
    fachbereichsrechte_einfuehren(None)
    rolle = getSiteManager(portal).getUtility(ISharingPageRole, "SNFachbereichsleitung")
    assert rolle.required_interface is IFachbereich


def test_heads_in_a_body_are_listed(alte_site):
    api.group.add_user(groupname="fb-10-leitung", username="mitarbeiter")
    alte_mitgliedschaft("fb-10-leitung", "poa")
    assert fachbereichsrechte_einfuehren(None)["unvereinbar"] == ["poa"]


def test_the_upgrade_is_idempotent(alte_site):
    fachbereichsrechte_einfuehren(None)
    anzahl = len(protokoll.eintraege())
    assert fachbereichsrechte_einfuehren(None)["bereinigt"] == []
    assert len(protokoll.eintraege()) == anzahl
