"""Data retention (Anlage 1 Nr. 1, DSGVO Art. 5 Abs. 1 lit. e): after the task
or the account has ended and the retention period has passed, name and e-mail
of a Person are anonymised in the item, in every stored version, in the
Systemhaus orders and in the catalog – and the anonymisation is logged."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_EMAIL
from stadtdo.sozialnetz.datenschutz.aufbewahrung import ANONYM_NAME
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.notifications.stand import Mitteilungsstand
from stadtdo.sozialnetz.settings import ISozialnetzSettings
import pytest


#: an end entered before it is reached (an end entered late counts from the
#: day of entry: tests/services/test_stichtage.py)
ENDE = date.today() + timedelta(days=30)
FRIST = 180


def _run(today, **kw):
    with api.env.adopt_roles(["Manager"]):
        return run_jobs(today=today, **kw)


def _anonymisierungen(result):
    return [e for e in result if e["art"] == "anonymisierung"]


def _retrieved_versions(obj):
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        history = repository.getHistoryMetadata(obj)
        return [
            repository.retrieve(obj, selector).object
            for selector in range(history.getLength(countPurged=False))
        ]


@pytest.fixture
def beendet(person_daten, antrag_in):
    """An approved Antrag whose Person's task ended on ENDE."""
    person_daten["taetigkeit_bis"] = ENDE
    return antrag_in("genehmigt")


def test_person_is_anonymised_in_every_stored_version(beendet):
    person = beendet["person"]
    assert len(_retrieved_versions(person)) >= 3
    assert {v.nachname for v in _retrieved_versions(person)} == {"Mustermann"}

    result = _anonymisierungen(_run(ENDE + timedelta(days=FRIST)))

    assert result == [
        {
            "art": "anonymisierung",
            "antragsnummer": beendet.antragsnummer,
            "person": "person",
        }
    ]
    assert (person.nachname, person.vorname, person.email) == (
        ANONYM_NAME,
        "",
        ANONYM_EMAIL,
    )
    versions = _retrieved_versions(person)
    assert len(versions) >= 3
    for version in versions:
        assert (version.nachname, version.vorname, version.email) == (
            ANONYM_NAME,
            "",
            ANONYM_EMAIL,
        )
        assert "Erika" not in version.title and "Mustermann" not in version.title


def test_old_name_is_gone_from_catalog_and_systemhaus_orders(beendet):
    catalog = api.portal.get_tool("portal_catalog")
    assert "Mustermann" in str(list(IMitteilungsstand(beendet).systemhaus_auftraege))
    assert len(catalog.unrestrictedSearchResults(SearchableText="Mustermann")) == 1

    _run(ENDE + timedelta(days=FRIST))

    assert len(catalog.unrestrictedSearchResults(SearchableText="Mustermann")) == 0
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Person")
    assert brain.Title == ANONYM_NAME
    assert "Mustermann" not in str(
        list(IMitteilungsstand(beendet).systemhaus_auftraege)
    )
    for version in _retrieved_versions(beendet):
        assert "Mustermann" not in str(
            list(Mitteilungsstand(version).systemhaus_auftraege)
        )


def test_anonymisation_is_logged_on_the_antrag_without_the_name(beendet):
    _run(ENDE + timedelta(days=FRIST))
    (eintrag,) = IDatenschutzstand(beendet).anonymisierungen
    assert eintrag["person"] == "person"
    assert eintrag["versionen"] >= 3
    assert "Anlage 1 Nr. 1" in eintrag["grund"]
    assert "Mustermann" not in str(eintrag)

    with api.env.adopt_user(username="personalrat"):
        view = api.content.get_view("view", beendet, beendet.REQUEST)
        verlauf = view.verlauf()
    (eintrag_im_verlauf,) = [
        e for e in verlauf if e["titel"].startswith("Personendaten anonymisiert")
    ]
    assert eintrag_im_verlauf["titel"] == (
        f"Personendaten anonymisiert (person, {eintrag['versionen']} Versionen)"
    )
    assert eintrag_im_verlauf["kommentar"] == eintrag["grund"]


def test_nothing_happens_before_the_retention_period_has_passed(beendet):
    assert _anonymisierungen(_run(ENDE + timedelta(days=FRIST - 1))) == []
    assert beendet["person"].nachname == "Mustermann"


def test_preview_changes_nothing(beendet):
    heute = ENDE + timedelta(days=FRIST)
    assert len(_anonymisierungen(_run(heute, dry_run=True))) == 1
    assert beendet["person"].nachname == "Mustermann"
    assert {v.nachname for v in _retrieved_versions(beendet["person"])} == {
        "Mustermann"
    }
    assert IDatenschutzstand(beendet).anonymisierungen == ()


def test_running_again_does_nothing(beendet):
    heute = ENDE + timedelta(days=FRIST)
    _run(heute)
    assert _anonymisierungen(_run(heute + timedelta(days=1))) == []
    assert len(IDatenschutzstand(beendet).anonymisierungen) == 1


def test_person_with_ongoing_task_is_kept(antrag_in):
    antrag = antrag_in("genehmigt")
    assert _anonymisierungen(_run(date.today() + timedelta(days=10 * 365))) == []
    assert antrag["person"].nachname == "Mustermann"


def test_closed_account_counts_as_end_of_the_task(antrag_in):
    antrag = antrag_in("eingestellt")
    assert antrag["person"].taetigkeit_bis is None
    assert _anonymisierungen(_run(date.today() + timedelta(days=FRIST - 1))) == []
    assert len(_anonymisierungen(_run(date.today() + timedelta(days=FRIST)))) == 1
    assert antrag["person"].nachname == ANONYM_NAME


def test_retention_period_is_configurable(beendet):
    api.portal.set_registry_record(
        "aufbewahrung_tage", 0, interface=ISozialnetzSettings
    )
    assert len(_anonymisierungen(_run(ENDE))) == 1


def test_jobs_view_lists_the_anonymisations(beendet, portal):
    request = portal.REQUEST
    request.form["datum"] = (ENDE + timedelta(days=FRIST)).isoformat()
    request.method = "GET"
    with api.env.adopt_roles(["Manager"]):
        text = api.content.get_view("sozialnetz-jobs", portal, request)()
    # the mails: „Verantwortung klären“ and the revocation order to the
    # Systemhaus, the task ended (offboarding); the reminder of the
    # unlocking order, unconfirmed since the approval
    assert "3 Mitteilung(en), 1 Anonymisierung(en) wären fällig" in text
    assert "Verantwortung klären" in text
    assert ": Auftrag zur Sperrung" in text
    assert "Erinnerung: Auftrag zur Freischaltung" in text
    assert f"Anonymisierung: Antrag {beendet.antragsnummer}, Person person" in text
    assert beendet["person"].nachname == "Mustermann"
