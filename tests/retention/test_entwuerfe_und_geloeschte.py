"""Abandoned drafts are reminded of, then deleted with their Persons and
versions; the versions of a deleted Person are purged (Anlage 1 Nr. 1)."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from tests.retention.helpers import art
from tests.retention.helpers import history_id
from tests.retention.helpers import run
from tests.retention.helpers import versionen_vorhanden


HEUTE = date.today()
FRIST = 180
VORLAUF = 14


def test_abandoned_draft_is_reminded_of_before_it_is_deleted(make_antrag, add_person):
    antrag = make_antrag()
    add_person(antrag)

    assert (
        art(run(HEUTE + timedelta(days=FRIST - VORLAUF - 1)), "entwurf_erinnerung")
        == []
    )
    (mail,) = art(run(HEUTE + timedelta(days=FRIST - VORLAUF)), "entwurf_erinnerung")

    assert mail["antragsnummer"] == antrag.antragsnummer
    assert "Entwurf wird gelöscht" in mail["betreff"]
    assert mail["empfaenger"]
    assert IDatenschutzstand(antrag).entwurf_erinnert_am == HEUTE + timedelta(
        days=FRIST - VORLAUF
    )
    assert art(run(HEUTE + timedelta(days=FRIST - 1)), "entwurf_erinnerung") == []


def test_abandoned_draft_is_deleted_with_persons_and_versions(
    make_antrag, add_person, fb10
):
    antrag = make_antrag()
    person = add_person(antrag)
    nummer, antrag_id = antrag.antragsnummer, antrag.getId()
    hids = [history_id(person), history_id(antrag)]
    assert all(versionen_vorhanden(hid) for hid in hids)

    run(HEUTE + timedelta(days=FRIST - VORLAUF))
    (eintrag,) = art(run(HEUTE + timedelta(days=FRIST)), "entwurf_geloescht")

    assert eintrag["antragsnummer"] == nummer
    assert antrag_id not in fb10.objectIds()
    assert [versionen_vorhanden(hid) for hid in hids] == [0, 0]
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(SearchableText="Mustermann")


def test_draft_is_not_deleted_without_reminder(make_antrag, add_person, fb10):
    antrag = make_antrag()
    add_person(antrag)
    assert art(run(HEUTE + timedelta(days=FRIST)), "entwurf_geloescht") == []
    assert antrag.getId() in fb10.objectIds()


def test_draft_touched_after_the_reminder_is_kept(make_antrag, add_person, fb10):
    antrag = make_antrag()
    add_person(antrag)
    run(HEUTE + timedelta(days=FRIST - VORLAUF))
    # then edited today
    IDatenschutzstand(antrag).setzen("entwurf_erinnert_am", HEUTE - timedelta(days=1))
    assert art(run(HEUTE + timedelta(days=FRIST)), "entwurf_geloescht") == []
    assert antrag.getId() in fb10.objectIds()


def test_submitted_antrag_is_no_abandoned_draft(antrag_in):
    antrag_in("genehmigung_fbl")
    result = run(HEUTE + timedelta(days=3 * FRIST))
    assert art(result, "entwurf_erinnerung") == art(result, "entwurf_geloescht") == []


def test_versions_of_a_deleted_person_are_purged(make_antrag, add_person):
    antrag = make_antrag()
    person = add_person(antrag)
    hid = history_id(person)
    assert versionen_vorhanden(hid) >= 1

    with api.env.adopt_roles(["Manager"]):
        api.content.delete(person)

    assert versionen_vorhanden(hid) == 0
