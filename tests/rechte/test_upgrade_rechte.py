"""The upgrade step "rechte" brings an existing site (profile 1000) to the
rights model of issue 11 and records what it removed."""

from plone import api
from plone.app.workflow.interfaces import ISharingPageRole
from Products.CMFCore.utils import _checkPermission
from stadtdo.sozialnetz.rechte import protokoll
from stadtdo.sozialnetz.rechte.upgrades import rechte_einfuehren
from stadtdo.sozialnetz.rechte.vorfall import IVorfallFormular
from zope.component import getSiteManager
from zope.interface import noLongerProvides
import pytest


PROFILE = "stadtdo.sozialnetz:default"


@pytest.fixture
def alte_site(portal, antrag_in, datenbank):
    """What issue 11 found on a site of version 1000."""
    antrag = antrag_in("beteiligung")
    portal.manage_permission(
        "Manage users",
        ["Manager", "Site Administrator", "SNBerechtigungsverwaltung"],
        1,
    )
    portal.manage_permission(
        "Plone Site Setup: Users and Groups",
        ["Manager", "Site Administrator", "SNBerechtigungsverwaltung"],
        1,
    )
    from plone.app.workflow.exportimport import PersistentSharingPageRole

    getSiteManager(portal).registerUtility(
        PersistentSharingPageRole(
            title="POA",
            required_permission="stadtdo.sozialnetz: Delegate Sozialnetz roles",
        ),
        ISharingPageRole,
        "SNPOA",
    )
    antrag.manage_setLocalRoles("sta11", ["SNPOA", "SNPersonalrat"])
    antrag.manage_setLocalRoles("mitarbeiter", ["Owner"])
    form = datenbank["vorfall-melden"]
    noLongerProvides(form, IVorfallFormular)
    form.manage_permission(
        "Modify portal content", ["Manager", "Site Administrator"], 1
    )
    return antrag


def test_upgrade_step_is_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    assert setup.getLastVersionForProfile(PROFILE) == ("1006",)
    steps = [
        step
        for step in setup.listUpgrades(PROFILE, show_old=True)
        if not isinstance(step, list)
    ]
    assert any(step["title"].startswith("rechte") for step in steps)


def test_upgrade_takes_user_management_from_sta11(alte_site, portal):
    portal.acl_users.manage_permission("Manage users", [], acquire=True)
    rechte_einfuehren(None)
    with api.env.adopt_roles(["Site Administrator"]):
        assert not _checkPermission("Manage users", portal.acl_users)
    with api.env.adopt_user(username="sta11"):
        assert not _checkPermission("Manage users", portal)
        assert not _checkPermission("Plone Site Setup: Users and Groups", portal)


def test_upgrade_removes_body_roles_from_sharing_and_content(alte_site, datenbank):
    rechte_einfuehren(None)
    assert getSiteManager(datenbank).queryUtility(ISharingPageRole, "SNPOA") is None
    assert alte_site.get_local_roles_for_userid("sta11") == ()
    assert datenbank.get_local_roles_for_userid("sn-poa") == ("SNPOA",)
    eintrag = next(
        e
        for e in protokoll.eintraege()
        if e["principal"] == "sta11" and e["art"] == "lokale_rollen"
    )
    assert eintrag["ziel"] == "/".join(alte_site.getPhysicalPath()[2:])
    assert eintrag["nachher"] == []


def test_upgrade_removes_owner_local_roles(alte_site):
    rechte_einfuehren(None)
    assert "Owner" not in alte_site.get_local_roles_for_userid("mitarbeiter")


def test_upgrade_locks_the_incident_form(alte_site, datenbank):
    rechte_einfuehren(None)
    form = datenbank["vorfall-melden"]
    assert IVorfallFormular.providedBy(form)
    with api.env.adopt_roles(["Site Administrator"]):
        assert not _checkPermission("Modify portal content", form)


def test_upgrade_runs_through_portal_setup(alte_site, portal):
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1006",)
    assert alte_site.get_local_roles_for_userid("sta11") == ()
