"""Upgrade steps bring an existing site to the current profile."""

from DateTime import DateTime
from plone import api
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import pytest


PROFILE = "stadtdo.sozialnetz:default"
#: The profile version of this release (metadata.xml).
AKTUELL = "1010"


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
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)
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
    # 1001: verfahren, anlagen, rechte, datenschutz, fristen, personen,
    # aufgaben-indizes, verantwortung, benachrichtigungen, hotspot, volltext
    assert len([s for s in steps if s["dest"] == ("1001",)]) == 11
    # 1002: missing 1001 steps, predecessors of 1000, checked reindex
    assert len([s for s in steps if s["dest"] == ("1002",)]) == 3
    # 1003: department rights, account links, web links, attachments, index
    assert len([s for s in steps if s["dest"] == ("1003",)]) == 5
    # 1004: the bare attributes of the Anträge into annotations
    assert len([s for s in steps if s["dest"] == ("1004",)]) == 1
    # 1005: the bare attributes of the Persons (and the Anlagen counter)
    assert len([s for s in steps if s["dest"] == ("1005",)]) == 1
    # 1006: the head's deadline, „Leitung fehlt“
    assert len([s for s in steps if s["dest"] == ("1006",)]) == 1
    # 1007: the late assessment of the bodies (workflow, permissions)
    assert len([s for s in steps if s["dest"] == ("1007",)]) == 1
    # 1008: the Systemhaus both ways (settings, column, secret, old orders)
    assert len([s for s in steps if s["dest"] == ("1008",)]) == 1
    # 1009: the yearly review answered (setting, permission, column; the
    # reviews sent before it)
    assert len([s for s in steps if s["dest"] == ("1009",)]) == 2
    # 1010: the DSB early (role, workflow)
    assert len([s for s in steps if s["dest"] == ("1010",)]) == 1
    assert len(steps) == 27
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
    from stadtdo.sozialnetz.infrastruktur import volltext

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


def _upgrade_from(version):
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, version)
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)


def test_profile_version_is_current_and_each_version_has_its_module(portal):
    from stadtdo.sozialnetz.upgrades import v1001
    from stadtdo.sozialnetz.upgrades import v1002
    from stadtdo.sozialnetz.upgrades import v1003
    from stadtdo.sozialnetz.upgrades import v1004
    from stadtdo.sozialnetz.upgrades import v1005
    from stadtdo.sozialnetz.upgrades import v1006
    from stadtdo.sozialnetz.upgrades import v1007
    from stadtdo.sozialnetz.upgrades import v1008
    from stadtdo.sozialnetz.upgrades import v1009
    from stadtdo.sozialnetz.upgrades import v1010

    setup = api.portal.get_tool("portal_setup")
    assert setup.getVersionForProfile(PROFILE) == AKTUELL
    for version, paket in (
        ("1002", v1002),
        ("1003", v1003),
        ("1004", v1004),
        ("1005", v1005),
        ("1006", v1006),
        ("1007", v1007),
        ("1008", v1008),
        ("1009", v1009),
        ("1010", v1010),
    ):
        handlers = {
            s["step"].handler.__module__
            for s in setup.listUpgrades(PROFILE, show_old=True)
            if s["dest"] == (version,)
        }
        assert handlers == {paket.__name__}
    assert {n for n, _ in v1001.EFFEKTE} == set(v1001._schritte())


def test_a_site_of_an_intermediate_1001_build_gets_the_later_1001_steps(portal):
    """A site at 1001 whose build had no deadlines, no „Meine Aufgaben“
    indexes and no notification link: 1002 runs exactly those steps."""
    from stadtdo.sozialnetz.upgrades import v1002

    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("wartet_auf")
    catalog.delIndex("faellig_ab")
    catalog.delColumn("faellig_seit")
    api.portal.get_tool("portal_actions").user.manage_delObjects(["benachrichtigungen"])
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1001")
    with api.env.adopt_roles(["Manager"]):
        nachgeholt = v1002.fehlende_1001_schritte(setup)
    assert nachgeholt == ["fristen", "aufgaben", "benachrichtigungen"]
    assert {"wartet_auf", "faellig_ab"} <= set(catalog.indexes())
    assert "faellig_seit" in catalog.schema()
    assert "benachrichtigungen" in api.portal.get_tool("portal_actions").user
    with api.env.adopt_roles(["Manager"]):
        assert v1002.fehlende_1001_schritte(setup) == []


def test_upgrade_from_1001_runs_only_the_later_steps(portal):
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1001")
    steps = setup.listUpgrades(PROFILE)
    assert {s["dest"] for s in steps} == {
        ("1002",),
        ("1003",),
        ("1004",),
        ("1005",),
        ("1006",),
        ("1007",),
        ("1008",),
        ("1009",),
        ("1010",),
    }
    _upgrade_from("1001")


def _broken_votes(antrag):
    """Replace one body's vote record by what ZODB loads when its class
    path is missing (the 1000 vote records before the BBB alias)."""
    from stadtdo.sozialnetz.verfahren.voten import ANNOTATION_KEY
    from ZODB.broken import Broken
    from ZODB.broken import find_global
    from ZODB.broken import persistentBroken
    from zope.annotation.interfaces import IAnnotations

    klasse = persistentBroken(
        find_global("stadtdo.nirgends", "GremiumVoten", Broken=Broken)
    )
    kaputt = klasse.__new__(klasse)
    kaputt.__setstate__({"eintraege": []})
    IAnnotations(antrag)[ANNOTATION_KEY]["poa"] = kaputt


def test_reindex_fails_loudly_on_votes_it_cannot_read(antrag_in):
    from stadtdo.sozialnetz.upgrades.katalog import UpgradeFehler

    antrag = antrag_in("beteiligung")
    _broken_votes(antrag)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1001")
    with api.env.adopt_roles(["Manager"]), pytest.raises(UpgradeFehler) as fehler:
        setup.upgradeProfile(PROFILE)
    assert "Voten „poa“ nicht ladbar" in str(fehler.value)
    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)


def test_reindex_fails_when_the_catalog_misses_an_antrag(antrag_in):
    from stadtdo.sozialnetz.upgrades import katalog

    antrag = antrag_in("beteiligung")
    catalog = api.portal.get_tool("portal_catalog")
    real = catalog.unrestrictedSearchResults

    def ohne_antrag(**query):
        return [b for b in real(**query) if antrag.UID() != b.UID]

    catalog.unrestrictedSearchResults = ohne_antrag
    try:
        with pytest.raises(katalog.UpgradeFehler) as fehler:
            katalog.antraege_neu_indizieren(schritt="Test")
    finally:
        del catalog.unrestrictedSearchResults
    assert "nicht im Katalog" in str(fehler.value)


def _archiviert_wie_1000(antrag, neu):
    """What 1000 did on submission of ``neu``: archive its predecessor."""
    wf_tool = api.portal.get_tool("portal_workflow")
    wf_tool.setStatusOf(
        WORKFLOW,
        antrag,
        {
            "action": "archivieren",
            "actor": "mitarbeiter",
            "comments": f"Abgelöst durch den erneuten Antrag {neu.antragsnummer}.",
            "review_state": "archiviert",
            "time": DateTime(),
            "gremium": "",
            "votum": "",
        },
    )
    wf_tool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(antrag)
    antrag.reindexObject()


def test_predecessor_archived_under_1000_is_approved_again(antrag_in, transition, vote):
    from stadtdo.sozialnetz.verfahren import schritte

    vorgaenger = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(vorgaenger)
    transition(neu, "einreichen", "mitarbeiter")
    _archiviert_wie_1000(vorgaenger, neu)
    _upgrade_from("1001")
    assert api.content.get_state(vorgaenger) == "genehmigt"
    assert vorgaenger.workflow_history[WORKFLOW][-1]["action"] == (
        "umstellung_wiederhergestellt"
    )
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=vorgaenger.UID())
    assert brain.review_state == "genehmigt"
    assert brain.aenderung_beantragt == neu.antragsnummer
    # the process goes on: approving the re-application archives it now
    transition(neu, "genehmigen", "leitung")
    vote(neu, "agentur", "agentur", "ja")
    vote(neu, "poa", "poa", "ja")
    vote(neu, "personalrat", "personalrat", "ja")
    assert api.content.get_state(neu) == "genehmigt"
    assert api.content.get_state(vorgaenger) == "archiviert"


def test_predecessor_whose_reapplication_was_approved_stays_archived(antrag_in):
    vorgaenger = antrag_in("archiviert")
    _upgrade_from("1001")
    assert api.content.get_state(vorgaenger) == "archiviert"
