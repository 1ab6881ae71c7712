"""Profile version 1009: a site of 1008 gets the setting, the permission
and the catalog column of the answered yearly review; a review sent before
(nobody could answer it) stays open, marked „vor Einführung“, due from the
day of the upgrade."""

from datetime import date
from plone import api
from stadtdo.sozialnetz import permissions
from stadtdo.sozialnetz.datenschutz import ueberpruefung
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.upgrades import v1009
from tests.setup.test_upgrades import AKTUELL


PROFILE = "stadtdo.sozialnetz:default"
EINSTELLUNG = (
    "stadtdo.sozialnetz.settings.ISozialnetzSettings.ueberpruefung_antwort_arbeitstage"
)


def _wie_1008(antrag):
    """A review sent long ago as 1008 recorded it; no setting, no
    permission for the heads, no catalog column."""
    IJobstand(antrag).ueberpruefung_vermerken(
        {"runde": 1, "zeit": "2025-03-03T08:00:00+00:00", "empfaenger": []}
    )
    registry = api.portal.get_tool("portal_registry")
    del registry.records[EINSTELLUNG]
    api.portal.get().manage_permission(
        permissions.UEBERPRUEFUNG_BEANTWORTEN, roles=["Manager"], acquire=True
    )
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delColumn(v1009.SPALTE)


def test_1008_site_gets_the_answered_review(antrag_in):
    antrag = antrag_in("genehmigt")
    _wie_1008(antrag)
    with api.env.adopt_user(username="leitung"):
        assert not ueberpruefung.darf_beantworten(antrag)

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1008")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)

    assert api.portal.get_registry_record(EINSTELLUNG) == 20
    with api.env.adopt_user(username="leitung"):
        assert ueberpruefung.darf_beantworten(antrag)
    with api.env.adopt_user(username="mitarbeiter"):
        assert not ueberpruefung.darf_beantworten(antrag)
    (eintrag,) = IJobstand(antrag).ueberpruefungen
    assert eintrag["vor_einfuehrung"] is True
    assert eintrag["faellig_ab"] == date.today().isoformat()
    # due from the upgrade day: open, not overdue although sent long ago
    assert ueberpruefung.offen_seit(antrag) == date.today()
    assert not ueberpruefung.ist_ueberfaellig(antrag)
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    assert brain.ueberpruefung_offen_seit == date.today().isoformat()


def test_the_steps_run_twice_without_harm(antrag_in):
    antrag = antrag_in("genehmigt")
    ohne = antrag_in("genehmigt")
    IJobstand(antrag).ueberpruefung_vermerken(
        {"runde": 1, "zeit": "2025-03-03T08:00:00+00:00", "empfaenger": []}
    )
    with api.env.adopt_roles(["Manager"]):
        v1009.ueberpruefung_einstellungen(None)
        assert v1009.ueberpruefungen_vor_einfuehrung(None, heute=date(2026, 3, 2)) == 1
        v1009.ueberpruefung_einstellungen(None)
        assert v1009.ueberpruefungen_vor_einfuehrung(None) == 0
    (eintrag,) = IJobstand(antrag).ueberpruefungen
    assert eintrag["faellig_ab"] == "2026-03-02"
    assert IJobstand(ohne).ueberpruefungen == ()
