"""Profile version 1006: the head's deadline and „Leitung fehlt“ come to an
existing site; an Antrag already waiting for its head counts its deadline
from the day of the upgrade, not from its submission."""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.registry.interfaces import IRegistry
from stadtdo.sozialnetz.upgrades import v1006
from stadtdo.sozialnetz.verfahren import frist
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.setup.test_upgrades import AKTUELL
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
import pytest


PROFILE = "stadtdo.sozialnetz:default"
RECORD = "stadtdo.sozialnetz.settings.ISozialnetzSettings.frist_fbl_arbeitstage"


def _eingereicht_am(antrag, tag):
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == "genehmigung_fbl":
            history[i] = dict(entry, time=DateTime(f"{tag.isoformat()} 12:00"))
    antrag.workflow_history[WORKFLOW] = tuple(history)


def _brain(antrag):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    return brain


@pytest.fixture
def stand_1005(portal, antrag_in, fb50, make_antrag, add_person, transition):
    """A site of 1005: no setting, no column, no day; one Antrag of FB 10
    waiting for its head since January, one of FB 50 (no head)."""
    alt = antrag_in("genehmigung_fbl")
    _eingereicht_am(alt, date(2026, 1, 5))
    ohne = make_antrag(container=fb50, userid="mitarbeiter50")
    add_person(ohne, userid="mitarbeiter50")
    transition(ohne, "einreichen", "mitarbeiter50")
    del getUtility(IRegistry).records[RECORD]
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delColumn("leitung_fehlt")
    IAnnotations(portal).pop(frist.FBL_FRIST_SEIT_KEY, None)
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1005")
    return alt, ohne


def test_upgrade_brings_setting_column_and_the_day(stand_1005):
    alt, ohne = stand_1005
    api.portal.set_registry_record(
        "stadtdo.sozialnetz.settings.ISozialnetzSettings.frist_arbeitstage", 7
    )
    setup = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)
    assert getUtility(IRegistry)[RECORD] == 5
    assert frist.arbeitstage() == 7  # the other settings keep their values
    assert frist.fbl_frist_seit() == date.today()
    assert _brain(alt).faellig_seit == {"fbl": date.today().isoformat()}
    assert _brain(ohne).leitung_fehlt is True
    assert _brain(alt).leitung_fehlt is False


def test_a_waiting_antrag_counts_from_the_upgrade_day(stand_1005):
    alt, _ohne = stand_1005
    with api.env.adopt_roles(["Manager"]):
        assert v1006.fbl_frist(None, heute=date(2026, 6, 1)) == date(2026, 6, 1)
    assert _brain(alt).faellig_seit == {"fbl": "2026-06-01"}
    assert frist.fristen(_brain(alt))[frist.FBL] == date(2026, 6, 9)
    assert not frist.ist_ueberfaellig(_brain(alt), date(2026, 6, 9))


def test_the_day_is_recorded_once(stand_1005):
    with api.env.adopt_roles(["Manager"]):
        v1006.fbl_frist(None, heute=date(2026, 6, 1))
        assert v1006.fbl_frist(None, heute=date(2026, 7, 1)) == date(2026, 6, 1)


def test_an_antrag_submitted_later_counts_from_its_submission(
    stand_1005, make_antrag, add_person, transition
):
    with api.env.adopt_roles(["Manager"]):
        v1006.fbl_frist(None, heute=date(2026, 6, 1))
    neu = make_antrag()
    add_person(neu)
    transition(neu, "einreichen", "mitarbeiter")
    _eingereicht_am(neu, date(2026, 6, 15))
    neu.reindexObject()
    assert _brain(neu).faellig_seit == {"fbl": "2026-06-15"}
