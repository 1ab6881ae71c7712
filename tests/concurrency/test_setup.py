"""Install, upgrade and uninstall of what removes the write hotspots."""

from Acquisition import aq_base
from plone import api
from plone.folder.default import DefaultOrdering
from Products.CMFUid.interfaces import IUniqueIdGenerator
from stadtdo.sozialnetz.infrastruktur.nummernkreis import HistorienIdGenerator
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility


def test_history_ids_come_from_the_generator_without_hotspot(portal):
    generator = getUtility(IUniqueIdGenerator)
    assert isinstance(generator, HistorienIdGenerator)
    # getToolByName resolves the tool's id to the utility as well
    assert isinstance(api.portal.get_tool("portal_uidgenerator"), HistorienIdGenerator)
    tool = portal._getOb("portal_uidgenerator")
    vorher = tool._uid_counter
    assert generator() == vorher + 1
    assert generator.convert("17") == 17


def test_fachbereich_folders_are_unordered(fb10, make_antrag):
    antrag = make_antrag()
    assert fb10.getOrdering().__class__.__name__ == "UnorderedOrdering"
    assert antrag.getId() in fb10.objectIds()
    assert DefaultOrdering.ORDER_KEY not in IAnnotations(fb10)


def test_upgrade_step_switches_existing_sites(portal, fb10, make_antrag):
    from stadtdo.sozialnetz.upgrades import ohne_schreib_hotspot

    # the state of a site before the step: Plone's generator, ordered folder
    sm = portal.getSiteManager()
    sm.registerUtility(
        aq_base(portal._getOb("portal_uidgenerator")), IUniqueIdGenerator
    )
    fb10.setOrdering("")
    vorher = make_antrag()
    assert fb10.getObjectPosition(vorher.getId()) is not None
    assert DefaultOrdering.ORDER_KEY in IAnnotations(fb10)
    assert not isinstance(getUtility(IUniqueIdGenerator), HistorienIdGenerator)

    ohne_schreib_hotspot(api.portal.get_tool("portal_setup"))
    ohne_schreib_hotspot(api.portal.get_tool("portal_setup"))  # twice: no harm

    assert isinstance(getUtility(IUniqueIdGenerator), HistorienIdGenerator)
    assert fb10.getOrdering().__class__.__name__ == "UnorderedOrdering"
    assert DefaultOrdering.ORDER_KEY not in IAnnotations(fb10)
    assert DefaultOrdering.POS_KEY not in IAnnotations(fb10)
    assert vorher.getId() in fb10.objectIds()
    assert make_antrag().getId() in fb10.objectIds()


def test_uninstall_gives_plone_its_generator_back(portal):
    from plone.base.utils import get_installer

    tool = aq_base(portal._getOb("portal_uidgenerator"))
    assert HistorienIdGenerator.id in portal.getSiteManager().objectIds()
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).uninstall_product("stadtdo.sozialnetz")
    assert aq_base(getUtility(IUniqueIdGenerator)) is tool
    assert HistorienIdGenerator.id not in portal.getSiteManager().objectIds()
