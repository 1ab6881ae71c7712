"""Profile version 1008: a site of 1007 gets the settings of the
Systemhaus's confirmation link, reminder and escalation, the catalog column
``systemhaus_offen`` and the secret of the links; the orders it recorded
before are marked „vor Einführung“ (no link accepted, never reminded)."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.notifications import bestaetigung
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.stand import SYSTEMHAUS
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.upgrades import v1008
from tests.notifications.conftest import mails  # noqa: F401 (fixture)
from tests.notifications.conftest import systemhaus  # noqa: F401 (fixture)
from tests.setup.test_upgrades import AKTUELL
from zope.annotation.interfaces import IAnnotations


PROFILE = "stadtdo.sozialnetz:default"
EINSTELLUNGEN = (
    "systemhaus_link_tage",
    "systemhaus_erinnerung_arbeitstage",
    "systemhaus_eskalation_arbeitstage",
)
ALT = {
    "zeit": "2026-03-02T10:00:00+01:00",
    "empfaenger": ["freischaltung@dosys.example"],
    "personen": ["Mustermann, Erika <erika.mustermann@stadtdo.de>"],
    "hinweis": "Im Auftrag des POA gesendet.",
}


def _wie_1007(portal, antrag):
    """The site as 1007 left it: no settings, no column, no secret; the
    Antrag's order as 1007 recorded it (no id, no kind, no link)."""
    registry = api.portal.get_tool("portal_registry")
    for name in EINSTELLUNGEN:
        del registry.records[f"{ISozialnetzSettings.__identifier__}.{name}"]
    api.portal.get_tool("portal_catalog").delColumn(v1008.SPALTE)
    del IAnnotations(portal)[bestaetigung.GEHEIMNIS_KEY]
    auftraege = IMitteilungsstand(antrag).liste(SYSTEMHAUS)
    auftraege[:] = [dict(ALT)]


def test_1007_site_gets_settings_column_secret_and_marks_old_orders(
    portal,
    antrag_in,
    mails,  # noqa: F811
):
    antrag = antrag_in("genehmigt")
    _wie_1007(portal, antrag)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1007")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)

    for name, wert in zip(EINSTELLUNGEN, (30, 5, 5), strict=True):
        assert (
            api.portal.get_registry_record(name, interface=ISozialnetzSettings) == wert
        )
    assert v1008.SPALTE in api.portal.get_tool("portal_catalog").schema()
    schluessel = IAnnotations(portal)[bestaetigung.GEHEIMNIS_KEY]["schluessel"]
    assert len(schluessel) == 64

    (auftrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    assert auftrag["vor_einfuehrung"] is True
    assert {k: auftrag[k] for k in ALT} == ALT  # nothing else changed
    assert IMitteilungsstand(antrag).offene_auftraege() == []
    # never reminded, no link accepted
    mails.clear()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        eintraege = run_jobs(today=date.today() + timedelta(days=60))
    assert not [e for e in eintraege if e["art"].startswith("systemhaus_")]
    assert not [m for m in mails.all() if "Auftrag" in m["Subject"]]
    assert bestaetigung.pruefen(f"{antrag.UID()}.", "x")[0] == "ungueltig"
    # the Antrag page says so
    view = api.content.get_view("view", antrag, portal.REQUEST)
    (zeile,) = view.systemhaus_auftraege()
    assert zeile["stand"] == "vor Einführung der Bestätigung gesendet"
    assert zeile["offen"] is False


def test_the_step_runs_twice_without_harm_and_keeps_the_secret(portal, antrag_in):
    antrag = antrag_in("genehmigt")
    _wie_1007(portal, antrag)
    with api.env.adopt_roles(["Manager"]):
        assert v1008.systemhaus_bestaetigung(None) == 1
        schluessel = IAnnotations(portal)[bestaetigung.GEHEIMNIS_KEY]["schluessel"]
        assert v1008.systemhaus_bestaetigung(None) == 0
    assert IAnnotations(portal)[bestaetigung.GEHEIMNIS_KEY]["schluessel"] == schluessel
    (auftrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    assert auftrag["vor_einfuehrung"] is True


def test_an_order_of_1008_is_not_marked(antrag_in, systemhaus):  # noqa: F811
    antrag = antrag_in("genehmigt")
    (auftrag,) = IMitteilungsstand(antrag).systemhaus_auftraege
    with api.env.adopt_roles(["Manager"]):
        v1008.systemhaus_bestaetigung(None)
    assert not auftrag.get("vor_einfuehrung")
    assert IMitteilungsstand(antrag).offene_auftraege() == [auftrag]
