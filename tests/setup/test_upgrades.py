"""Upgrade steps bring an existing site to the current profile."""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import pytest


PROFILE = "stadtdo.sozialnetz:default"


@pytest.fixture
def alter_stand(make_antrag, add_person, transition):
    """Two drafts as version 1000 left them: one the head sent back (it was a
    draft again), one never submitted."""
    zurueckgegeben = make_antrag()
    add_person(zurueckgegeben)
    transition(zurueckgegeben, "einreichen", "mitarbeiter")
    wf_tool = api.portal.get_tool("portal_workflow")
    wf_tool.setStatusOf(
        WORKFLOW,
        zurueckgegeben,
        {
            "action": "zurueckweisen",
            "actor": "leitung",
            "comments": "Bitte überarbeiten.",
            "review_state": "entwurf",
            "time": DateTime(),
            "gremium": "",
            "votum": "",
        },
    )
    wf_tool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(zurueckgegeben)
    zurueckgegeben.reindexObject()
    entwurf = make_antrag()
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    return zurueckgegeben, entwurf


def test_upgrade_to_1001_freezes_drafts_that_were_sent_back(alter_stand):
    zurueckgegeben, entwurf = alter_stand
    with api.env.adopt_user(username="mitarbeiter"):
        assert api.user.has_permission("Modify portal content", obj=zurueckgegeben)
    setup = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)
    assert api.content.get_state(zurueckgegeben) == "zurueckgewiesen"
    assert api.content.get_state(entwurf) == "entwurf"
    last = zurueckgegeben.workflow_history[WORKFLOW][-1]
    assert last["action"] == "umstellung_zurueckgewiesen"
    assert "erneut stellen" in last["comments"]
    with api.env.adopt_user(username="mitarbeiter"):
        assert not api.user.has_permission("Modify portal content", obj=zurueckgegeben)
        assert api.user.has_permission("View", obj=zurueckgegeben)
        assert api.user.has_permission("Modify portal content", obj=entwurf)
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=zurueckgegeben.UID())
    assert brain.review_state == "zurueckgewiesen"
    assert "aenderung_beantragt" in api.portal.get_tool("portal_catalog").schema()


def test_upgrade_is_listed_and_runs_twice_without_harm(alter_stand):
    zurueckgegeben, _ = alter_stand
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades(PROFILE)
    assert {s["dest"] for s in steps} == {("1001",)}
    # verfahren, anlagen, rechte, datenschutz, fristen, personen,
    # aufgaben-indizes, verantwortung, benachrichtigungen, hotspot, volltext
    assert len(steps) == 11
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
        setup.setLastVersionForProfile(PROFILE, "1000")
        setup.upgradeProfile(PROFILE)
    actions = [e["action"] for e in zurueckgegeben.workflow_history[WORKFLOW]]
    assert actions.count("umstellung_zurueckgewiesen") == 1


def test_upgrade_to_1001_gives_anlagen_their_checked_schema(portal):
    fti = api.portal.get_tool("portal_types")["Anlage"]
    fti.schema = ""
    fti.model_file = "plone.app.contenttypes.schema:file.xml"
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert fti.schema == "stadtdo.sozialnetz.content.anlage.IAnlage"
    assert (
        api.portal.get_registry_record(
            "stadtdo.sozialnetz.settings.ISozialnetzSettings.anlage_max_mb"
        )
        == 20
    )


def test_upgrade_to_1001_brings_the_deadlines(portal, antrag_in):
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    antrag = antrag_in("beteiligung")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delColumn("faellig_seit")
    registry = getUtility(IRegistry)
    name = "stadtdo.sozialnetz.settings.ISozialnetzSettings.frist_arbeitstage"
    del registry.records[name]
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert registry[name] == 10
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    assert set(brain.faellig_seit) == {
        "datenschutz",
        "personalrat",
        "poa",
        "itsicherheit",
    }


def test_upgrade_to_1001_adds_the_settings_for_abandoned_drafts(portal):
    registry = api.portal.get_tool("portal_registry")
    name = "stadtdo.sozialnetz.settings.ISozialnetzSettings.entwurf_loeschen_nach_tagen"
    del registry.records[name]
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert api.portal.get_registry_record(name) == 180


def test_upgrade_to_1001_indexes_who_waits_and_since_when(antrag_in):
    """A site of 1000 had neither index: the upgrade adds and fills them, so
    „Meine Aufgaben“ of the POA finds the Antrag in beteiligung."""
    antrag = antrag_in("beteiligung")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("wartet_auf")
    catalog.delIndex("faellig_ab")
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    (brain,) = catalog.unrestrictedSearchResults(
        wartet_auf="fb-10:SNPOA", faellig_ab={"query": "2099-01-01", "range": "max"}
    )
    assert brain._unrestrictedGetObject() == antrag


def test_upgrade_to_1001_makes_the_text_indexes_mergeable(portal, antrag_in):
    """A site of 1000 indexes with Plone's OkapiIndex, rare words in dicts:
    the upgrade swaps the index class and turns the dicts into IIBTrees;
    search finds the same."""
    from Products.CMFCore.indexing import processQueue
    from Products.ZCTextIndex.OkapiIndex import OkapiIndex
    from stadtdo.sozialnetz import volltext

    catalog = api.portal.get_tool("portal_catalog")
    volltext.zuruecksetzen(catalog)
    antrag = antrag_in("entwurf")
    processQueue()
    wortindex = catalog._catalog.getIndex("SearchableText").index
    assert type(wortindex) is OkapiIndex
    assert any(isinstance(d, dict) for d in wortindex._wordinfo.values())
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    wortindex = catalog._catalog.getIndex("SearchableText").index
    assert type(wortindex) is volltext.ZusammenfuehrbarerOkapiIndex
    assert not any(isinstance(d, dict) for d in wortindex._wordinfo.values())
    (brain,) = catalog.unrestrictedSearchResults(SearchableText=antrag.antragsnummer)
    assert brain._unrestrictedGetObject() == antrag
