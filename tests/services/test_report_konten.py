"""The report's active accounts: a pending re-application counts the
account once, and the persons still named (split from test_report.py, whose
tests share one set of Anträge built once for the module)."""

from datetime import date
from datetime import timedelta
from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from tests.services.test_report import _get
import transaction


def test_pending_reapplication_counts_the_account_once(
    request_factory, antrag_in, transition
):
    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "zurueckweisen", "leitung", "Nicht so.")
    transaction.commit()
    data = _get(request_factory, "poa").json()
    (konto,) = data["aktive_konten"]
    assert konto["antragsnummer"] == alt.antragsnummer
    assert konto["aenderung_beantragt"] is None


def test_active_account_shows_its_pending_change(
    request_factory, antrag_in, transition
):
    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    transaction.commit()
    data = _get(request_factory, "poa").json()
    (konto,) = data["aktive_konten"]
    assert konto["antragsnummer"] == alt.antragsnummer
    assert konto["aenderung_beantragt"] == neu.antragsnummer
    assert [z["antragsnummer"] for z in data["offene_antraege"]] == [neu.antragsnummer]


def _konten(request_factory):
    transaction.commit()
    return _get(request_factory, "poa").json()["aktive_konten"]


def test_account_with_one_person_carries_the_warning(request_factory, antrag_in):
    antrag_in("genehmigt")  # one Person
    (konto,) = _konten(request_factory)
    assert konto["aktive_personen"] == 1
    assert konto["warnungen"] == ["weniger_als_zwei_personen"]


def test_account_with_two_persons_has_no_warning(
    request_factory, make_antrag, add_person, transition, vote
):
    antrag = make_antrag()
    add_person(antrag)
    add_person(antrag, vorname="Hans", email="hans.mustermann@stadtdo.de")
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    for gremium in ("agentur", "poa", "personalrat"):
        vote(antrag, gremium, gremium, "ja", "ok")
    (konto,) = _konten(request_factory)
    assert konto["aktive_personen"] == 2
    assert konto["warnungen"] == []


def test_a_task_that_ended_counts_no_more(
    request_factory, make_antrag, add_person, transition, vote
):
    antrag = make_antrag()
    add_person(antrag)
    add_person(
        antrag,
        vorname="Hans",
        email="hans.mustermann@stadtdo.de",
        taetigkeit_bis=date.today() - timedelta(days=1),
    )
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    for gremium in ("agentur", "poa", "personalrat"):
        vote(antrag, gremium, gremium, "ja", "ok")
    (konto,) = _konten(request_factory)
    assert konto["personen"] == 2
    assert konto["aktive_personen"] == 1
    assert konto["warnungen"] == ["weniger_als_zwei_personen"]
