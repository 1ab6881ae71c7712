"""Profile version 1004: the bare attributes modules set on the Antrag
before move into one annotation adapter per concern (issue 22) – on the
Antrag and in every version CMFEditions stored of it."""

from datetime import date
from persistent.list import PersistentList
from plone import api
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.stand import Datenschutzstand
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.jobs.stand import Jobstand
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.stand import Mitteilungsstand
from stadtdo.sozialnetz.upgrades import v1004
from tests.retention.helpers import retrieved_versions
from tests.setup.test_upgrades import AKTUELL


PROFILE = "stadtdo.sozialnetz:default"
ALT = {
    "systemhaus_auftraege": [{"zeit": "2025-01-02", "personen": ["M <m@x.de>"]}],
    "frist_mitteilungen": [{"gremium": "poa", "art": "erinnerung"}],
    "ueberpruefungen": [{"runde": 1, "zeit": "2025-02-03", "empfaenger": []}],
    "anonymisierungen": [{"person": "person", "grund": "Aufgabe beendet"}],
    "einwilligungen_widerrufen": [{"person": "person", "datum": "2025-01-01"}],
    "entwurf_erinnert_am": date(2025, 3, 4),
    "entwurf_erinnert": "2025-03-04T08:00:00",
}


#: what the Antrag reads after the upgrade: 1008 marks the old order
#: „vor Einführung“ of the confirmation link (``upgrades.v1008``)
NACH_1008 = {
    **ALT,
    "systemhaus_auftraege": [
        {**ALT["systemhaus_auftraege"][0], "vor_einfuehrung": True}
    ],
}


def _alt_setzen(obj):
    """The attributes as the modules of 1003 set them."""
    for name, wert in ALT.items():
        setattr(obj, name, PersistentList(wert) if isinstance(wert, list) else wert)


def _lesen(mitteilungen, jobs, datenschutz):
    return {
        "systemhaus_auftraege": list(mitteilungen.systemhaus_auftraege),
        "frist_mitteilungen": list(mitteilungen.frist_mitteilungen),
        "ueberpruefungen": list(jobs.ueberpruefungen),
        "anonymisierungen": list(datenschutz.anonymisierungen),
        "einwilligungen_widerrufen": list(datenschutz.einwilligungen_widerrufen),
        "entwurf_erinnert_am": datenschutz.entwurf_erinnert_am,
        "entwurf_erinnert": datenschutz.wert("entwurf_erinnert"),
    }


def test_bare_attributes_of_antrag_and_versions_move_into_annotations(
    make_antrag, add_person
):
    antrag = make_antrag()
    add_person(antrag)
    _alt_setzen(antrag)
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        repository.save(antrag, comment="mit alten Attributen")
    gespeichert = gespeicherte_versionen(antrag)
    assert any(getattr(v, "ueberpruefungen", None) for v in gespeichert)

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1003")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (AKTUELL,)

    assert (
        _lesen(IMitteilungsstand(antrag), IJobstand(antrag), IDatenschutzstand(antrag))
        == NACH_1008
    )
    for name in ALT:
        assert name not in antrag.__dict__, name
    for stored in gespeicherte_versionen(antrag):
        stored._p_activate()
        for name in ALT:
            assert name not in stored.__dict__, name
    versionen = [v for v in retrieved_versions(antrag) if v.__dict__]
    assert versionen
    mit_alten = [
        v
        for v in versionen
        if _lesen(Mitteilungsstand(v), Jobstand(v), Datenschutzstand(v)) == ALT
    ]
    assert mit_alten  # the version saved with the attributes keeps them
    for version in versionen:
        for name in ALT:
            assert name not in version.__dict__, name

    # again: nothing left to move, nothing doubled
    with api.env.adopt_roles(["Manager"]):
        assert v1004.vermerke(setup) == 0
    assert len(IMitteilungsstand(antrag).systemhaus_auftraege) == 1
