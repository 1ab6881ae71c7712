"""Deadlines of the bodies' votes: due from the day the Antrag enters the
state in which the vote is due, N working days (control panel, default 10),
none once the body voted Ja or Nein; a missing vote never decides."""

from DateTime import DateTime
from datetime import date
from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN
from stadtdo.sozialnetz.services.votum.get import votum_table
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.verfahren import frist
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW


GREMIUM = {g.id: g for g in GREMIEN}


def _fristen(antrag):
    return {
        g: (f.isoformat() if f else None)
        for g, f in frist.fristen_je_gremium(antrag).items()
    }


def _eintritt_am(antrag, state, tag):
    """Rewrite the history: ``antrag`` entered ``state`` on ``tag`` (noon)."""
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == state:
            history[i] = dict(
                entry, time=DateTime(f"{tag.isoformat()} 12:00 Europe/Berlin")
            )
    antrag.workflow_history[WORKFLOW] = tuple(history)


def test_default_is_ten_working_days(portal):
    assert (
        api.portal.get_registry_record(
            "frist_arbeitstage", interface=ISozialnetzSettings
        )
        == 10
    )


def test_agentur_due_from_its_state(antrag_in):
    antrag = antrag_in("stellungnahme_agentur")
    heute = date.today()
    assert _fristen(antrag) == {
        "agentur": plus_arbeitstage(heute, 10).isoformat(),
        "datenschutz": None,
        "personalrat": None,
        "poa": None,
        "itsicherheit": None,
    }


def test_bodies_due_in_beteiligung_until_they_vote(antrag_in, vote):
    antrag = antrag_in("beteiligung")
    erwartet = plus_arbeitstage(date.today(), 10).isoformat()
    fristen = _fristen(antrag)
    assert fristen["agentur"] is None  # has given its statement
    assert {
        fristen[g] for g in ("datenschutz", "personalrat", "poa", "itsicherheit")
    } == {erwartet}
    vote(antrag, "poa", "poa", "ja")
    assert _fristen(antrag)["poa"] is None
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    assert _fristen(antrag)["datenschutz"] == erwartet  # a query is no vote


def test_deadline_across_fronleichnam(antrag_in):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2026, 6, 1))
    assert frist.frist(antrag, GREMIUM["poa"]) == date(2026, 6, 16)


def test_deadline_across_allerheiligen(antrag_in):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2027, 10, 27))
    assert frist.frist(antrag, GREMIUM["personalrat"]) == date(2027, 11, 11)


def test_configured_working_days(antrag_in):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2026, 6, 1))
    api.portal.set_registry_record(
        "frist_arbeitstage", 3, interface=ISozialnetzSettings
    )
    assert frist.frist(antrag, GREMIUM["poa"]) == date(2026, 6, 5)


def test_nothing_due_after_the_decision(antrag_in):
    for state in ("genehmigt", "abgelehnt", "entwurf", "genehmigung_fbl"):
        assert set(_fristen(antrag_in(state)).values()) == {None}, state


def test_an_overdue_vote_decides_nothing(antrag_in):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2020, 1, 2))
    antrag.reindexObject()
    assert frist.ueberfaellig(frist.fristen_je_gremium(antrag).values())
    assert api.content.get_state(antrag) == "beteiligung"


def test_vote_table_rows_carry_the_deadline(antrag_in, portal):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2026, 6, 1))
    rows = {
        r["gremium"]: r["frist"] for r in votum_table(antrag, portal.REQUEST)["gremien"]
    }
    assert rows == {
        "agentur": None,
        "datenschutz": "2026-06-16",
        "personalrat": "2026-06-16",
        "poa": "2026-06-16",
        "itsicherheit": "2026-06-16",
    }


def test_catalog_knows_since_when_a_vote_is_due(antrag_in):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2026, 6, 1))
    antrag.reindexObject()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    assert brain.faellig_seit == {
        "datenschutz": "2026-06-01",
        "personalrat": "2026-06-01",
        "poa": "2026-06-01",
        "itsicherheit": "2026-06-01",
    }
