"""Dates that tell the truth (issue 20 item 4, ``datenschutz.stichtage``): a
stated date is kept for the record, but a retention period runs from the day
the date was recorded at the earliest, and a withdrawal cannot lie before
the consent, before the Antrag or in the future – through REST and the page."""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.verfahren import verantwortung
from tests.retention.helpers import FRIST
from tests.retention.helpers import run
from tests.services.test_rest_process import api_as  # noqa: F401 (fixture)
import pytest
import transaction


HEUTE = date.today()
EINWILLIGUNG = HEUTE - timedelta(days=300)
ANGELEGT = HEUTE - timedelta(days=280)
ZURUECKDATIERT = HEUTE - timedelta(days=200)  # + FRIST: before today


@pytest.fixture
def alt(person_daten, antrag_in):
    """An approved Antrag created 280 days ago; consent given 300 days ago."""
    person_daten["einwilligung_datum"] = EINWILLIGUNG
    person_daten["taetigkeit_von"] = EINWILLIGUNG
    antrag = antrag_in("genehmigt")
    antrag.creation_date = DateTime(ANGELEGT.isoformat())
    transaction.commit()
    return antrag


def _widerrufen(api_as, antrag, datum, userid="leitung"):  # noqa: F811
    return api_as(userid).post(
        f"{antrag['person'].absolute_url()}/@einwilligung-widerrufen",
        json={"datum": datum},
    )


def _unveraendert(antrag):
    transaction.begin()
    person = antrag["person"]
    assert IDatenschutzstandPerson(person).einwilligung_widerrufen_am is None
    assert IDatenschutzstandPerson(person).einwilligung_widerruf_vermerkt is None
    assert IDatenschutzstand(antrag).einwilligungen_widerrufen == ()


def _vorschau(request_factory, tag):
    """The text of the jobs preview (``GET @@sozialnetz-jobs?datum=``) that
    an administrator reads."""
    transaction.commit()
    session = request_factory(role="Manager", api=False)
    response = session.get("@@sozialnetz-jobs", params={"datum": tag.isoformat()})
    assert response.status_code == 200, response.text
    assert "Nichts wurde gesendet oder geändert" in response.text
    return response.text


def _anonymisierung(antrag):
    return f"Anonymisierung: Antrag {antrag.antragsnummer}, Person person"


def test_withdrawal_dated_1900_is_refused_naming_the_consent(api_as, alt):  # noqa: F811
    response = _widerrufen(api_as, alt, "1900-01-01")
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == "datum"
    assert "vor der Einwilligung" in error["message"]
    assert f"{EINWILLIGUNG:%d.%m.%Y}" in error["message"]
    _unveraendert(alt)


def test_withdrawal_before_the_antrag_existed_is_refused(api_as, alt):  # noqa: F811
    response = _widerrufen(api_as, alt, (ANGELEGT - timedelta(days=1)).isoformat())
    assert response.status_code == 400, response.text
    message = response.json()["error"]["message"]
    assert "vor dem Anlegen des Antrags" in message
    assert f"{ANGELEGT:%d.%m.%Y}" in message
    _unveraendert(alt)


def test_withdrawal_in_the_future_is_refused(api_as, alt):  # noqa: F811
    response = _widerrufen(api_as, alt, (HEUTE + timedelta(days=1)).isoformat())
    assert response.status_code == 400, response.text
    message = response.json()["error"]["message"]
    assert "Zukunft" in message and f"{HEUTE:%d.%m.%Y}" in message
    _unveraendert(alt)


def test_withdrawal_with_a_malformed_date_is_refused(api_as, alt):  # noqa: F811
    response = _widerrufen(api_as, alt, "gestern")
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "datum"
    _unveraendert(alt)


def test_backdated_withdrawal_counts_from_the_day_it_was_recorded(
    api_as,  # noqa: F811
    alt,
    request_factory,
):
    response = _widerrufen(api_as, alt, ZURUECKDATIERT.isoformat())
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["einwilligung_widerrufen_am"] == ZURUECKDATIERT.isoformat()
    assert data["vermerkt_am"] == HEUTE.isoformat()
    assert data["vermerkt_von"] == "leitung"
    transaction.begin()
    person = alt["person"]
    # the stated day is kept for the record, with who recorded it and when
    assert IDatenschutzstandPerson(person).einwilligung_widerrufen_am == ZURUECKDATIERT
    assert (
        IDatenschutzstandPerson(person).einwilligung_widerruf_vermerkt["am"]
        == HEUTE.isoformat()
    )
    assert (
        IDatenschutzstandPerson(person).einwilligung_widerruf_vermerkt["von"]
        == "leitung"
    )
    (eintrag,) = IDatenschutzstand(alt).einwilligungen_widerrufen
    assert eintrag["datum"] == ZURUECKDATIERT.isoformat()
    assert eintrag["vermerkt_am"] == HEUTE.isoformat()

    # counted from the stated day the period would be over already
    assert _anonymisierung(alt) not in _vorschau(request_factory, HEUTE)
    assert _anonymisierung(alt) not in _vorschau(
        request_factory, HEUTE + timedelta(days=FRIST - 1)
    )
    assert _anonymisierung(alt) in _vorschau(
        request_factory, HEUTE + timedelta(days=FRIST)
    )
    assert person.nachname == "Mustermann"


def test_page_refuses_the_same_limits_and_keeps_the_stated_day(browser_as, alt):
    browser = browser_as("leitung")
    browser.open(alt.absolute_url())
    browser.getControl(name="datum").value = "1900-01-01"
    browser.getControl("Widerruf vermerken").click()
    assert "Der Widerruf kann nicht vor der Einwilligung liegen" in browser.contents
    assert "Widerruf vermerken" in browser.contents
    _unveraendert(alt)

    browser.open(alt.absolute_url())
    browser.getControl(name="datum").value = ZURUECKDATIERT.isoformat()
    browser.getControl("Widerruf vermerken").click()
    assert "Der Widerruf der Einwilligung wurde vermerkt" in browser.contents
    assert (
        f"Einwilligung widerrufen am {ZURUECKDATIERT:%d.%m.%Y} "
        f"(vermerkt am {HEUTE:%d.%m.%Y} von" in browser.contents
    )
    transaction.begin()
    assert (
        IDatenschutzstandPerson(alt["person"]).einwilligung_widerrufen_am
        == ZURUECKDATIERT
    )


def test_page_refuses_a_withdrawal_in_the_future(browser_as, alt):
    browser = browser_as("leitung")
    browser.open(alt.absolute_url())
    browser.getControl(name="datum").value = (HEUTE + timedelta(days=3)).isoformat()
    browser.getControl("Widerruf vermerken").click()
    assert "Der Widerruf kann nicht in der Zukunft liegen" in browser.contents
    _unveraendert(alt)


def test_task_end_entered_late_counts_from_the_day_of_entry(
    person_daten, antrag_in, request_factory
):
    """An end in the past entered today: „Verantwortung klären“ from today
    (stating the end), the retention period from today – no period skipped."""
    person_daten["taetigkeit_von"] = HEUTE - timedelta(days=400)
    person_daten["taetigkeit_bis"] = HEUTE - timedelta(days=300)
    antrag = antrag_in("genehmigt")
    person = antrag["person"]
    assert (
        IDatenschutzstandPerson(person).taetigkeit_bis_vermerkt["am"]
        == HEUTE.isoformat()
    )
    assert (
        IDatenschutzstandPerson(person).taetigkeit_bis_vermerkt["von"] == "mitarbeiter"
    )

    assert _anonymisierung(antrag) not in _vorschau(request_factory, HEUTE)
    run(HEUTE)
    (flag,) = verantwortung.offene(antrag)
    assert flag["grund"] == verantwortung.AUFGABE_BEENDET
    assert flag["datum"] == person.taetigkeit_bis.isoformat()
    assert flag["zeit"][:10] == HEUTE.isoformat()
    assert person.nachname == "Mustermann"
    assert _anonymisierung(antrag) not in _vorschau(
        request_factory, HEUTE + timedelta(days=FRIST - 1)
    )
    assert _anonymisierung(antrag) in _vorschau(
        request_factory, HEUTE + timedelta(days=FRIST)
    )


def test_task_end_entered_ahead_counts_from_the_end(
    person_daten, antrag_in, request_factory
):
    ende = HEUTE + timedelta(days=10)
    person_daten["taetigkeit_bis"] = ende
    antrag = antrag_in("genehmigt")
    assert _anonymisierung(antrag) not in _vorschau(
        request_factory, ende + timedelta(days=FRIST - 1)
    )
    assert _anonymisierung(antrag) in _vorschau(
        request_factory, ende + timedelta(days=FRIST)
    )


def test_task_end_changed_over_rest_is_recorded_with_the_change(
    api_as,  # noqa: F811
    make_antrag,
    add_person,
):
    antrag = make_antrag()
    person = add_person(antrag)
    assert IDatenschutzstandPerson(person).taetigkeit_bis_vermerkt is None
    transaction.commit()
    ende = HEUTE - timedelta(days=1)
    response = api_as("mitarbeiter").patch(
        person.absolute_url(), json={"taetigkeit_bis": ende.isoformat()}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert person.taetigkeit_bis == ende
    assert IDatenschutzstandPerson(person).taetigkeit_bis_vermerkt == {
        "wert": ende.isoformat(),
        "am": HEUTE.isoformat(),
        "von": "mitarbeiter",
        "zeit": IDatenschutzstandPerson(person).taetigkeit_bis_vermerkt["zeit"],
    }


def test_consent_dated_in_the_future_is_refused(api_as, make_antrag, person_daten):  # noqa: F811
    antrag = make_antrag()
    transaction.commit()
    data = dict(person_daten, **{"@type": "Person"})
    for key in ("einwilligung_datum", "taetigkeit_von"):
        data[key] = data[key].isoformat()
    data["einwilligung_datum"] = (HEUTE + timedelta(days=1)).isoformat()
    response = api_as("mitarbeiter").post(antrag.absolute_url(), json=data)
    assert response.status_code == 400, response.text
    assert "Einwilligung kann nicht in der Zukunft liegen" in response.text
    assert "einwilligung_datum" in response.text
    transaction.begin()
    assert [k for k in antrag.objectValues() if k.portal_type == "Person"] == []
