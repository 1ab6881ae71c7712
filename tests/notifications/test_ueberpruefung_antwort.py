"""The yearly review answered (DV § 2, issue 23 item 4): the head answers
per Person, each answer has its existing consequence, the answer is
recorded and shown; an unanswered review is reminded and escalated by the
daily job, and the report and the Übersicht flag it."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.berichte import bericht
from stadtdo.sozialnetz.datenschutz import einwilligung
from stadtdo.sozialnetz.datenschutz import ueberpruefung
from stadtdo.sozialnetz.datenschutz.aufbewahrung import gespeicherte_versionen
from stadtdo.sozialnetz.datenschutz.stand import IDatenschutzstand
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from tests.notifications.conftest import addr
from zExceptions import Unauthorized
import pytest


HEUTE = date.today()


def _gesendet(antrag):
    """The day the daily job sends the first review of ``antrag``."""
    return genehmigt_am(antrag) + timedelta(days=400)


def _run(today, **kw):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return run_jobs(today=today, **kw)


def _arten(result, *arten):
    return [m for m in result if m["art"] in arten]


@pytest.fixture
def genehmigt_drei(make_antrag, add_person, transition, vote):
    """An approved Antrag with three Persons (``person``, ``person-1``,
    ``person-2``)."""
    antrag = make_antrag()
    add_person(antrag)
    add_person(antrag, vorname="Max", nachname="Muster", email="max@stadtdo.de")
    add_person(antrag, vorname="Ida", nachname="Idee", email="ida@stadtdo.de")
    transition(antrag, "einreichen", "mitarbeiter")
    transition(antrag, "genehmigen", "leitung")
    vote(antrag, "agentur", "agentur", "ja", "Beratung erfolgt.")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    assert api.content.get_state(antrag) == "genehmigt"
    return antrag


@pytest.fixture
def gefragt(genehmigt_drei, mails):
    """The Antrag after the daily job sent its first review."""
    antrag = genehmigt_drei
    result = _run(_gesendet(antrag))
    assert len(_arten(result, "ueberpruefung")) == 1
    assert _arten(result, "ueberpruefung_erinnerung", "ueberpruefung_eskalation") == []
    mails.clear()
    return antrag


def _brain(antrag):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    return brain


def _alle_weiterhin(antrag):
    return {
        p.getId(): ("weiterhin", None) for p in ueberpruefung.zu_beantworten(antrag)
    }


def test_a_review_is_open_only_once_sent(genehmigt_drei, mails):
    antrag = genehmigt_drei
    assert not ueberpruefung.ist_faellig(antrag)
    assert _brain(antrag).ueberpruefung_offen_seit is None
    gesendet = _gesendet(antrag)
    _run(gesendet)
    assert ueberpruefung.ist_faellig(antrag)
    assert ueberpruefung.offen_seit(antrag) == gesendet
    assert _brain(antrag).ueberpruefung_offen_seit == gesendet.isoformat()
    assert ueberpruefung.ist_faellig(_brain(antrag))
    assert not ueberpruefung.ist_ueberfaellig(antrag, gesendet)
    assert ueberpruefung.ist_ueberfaellig(antrag, gesendet + timedelta(days=40))
    mail = next(m for m in mails.all() if "Freiwilligkeit" in m["Subject"])
    assert f"{antrag.absolute_url()}/@@ueberpruefung" in mail.get_content()


def test_each_answer_has_its_consequence_and_is_recorded(gefragt, mails):
    antrag = gefragt
    ende = HEUTE + timedelta(days=30)
    with api.env.adopt_user(username="leitung"):
        eintraege = ueberpruefung.beantworten(
            antrag,
            {
                "person": ("weiterhin", None),
                "person-1": ("aufgabe_endet", ende),
                "person-2": ("widerrufen", None),
            },
        )
    assert [e["antwort"] for e in eintraege] == [
        "weiterhin",
        "aufgabe_endet",
        "widerrufen",
    ]
    # weiterhin: nothing changes
    assert antrag["person"].taetigkeit_bis is None
    assert not IDatenschutzstandPerson(antrag["person"]).einwilligung_widerrufen_am
    # task end: the Person's end as its form enters it, with its record
    assert antrag["person-1"].taetigkeit_bis == ende
    vermerkt = IDatenschutzstandPerson(antrag["person-1"]).taetigkeit_bis_vermerkt
    assert vermerkt["wert"] == ende.isoformat()
    assert vermerkt["von"] == "leitung"
    assert ende.isoformat() in _brain(antrag).personen_enden
    # the approved version stays; the change is a version of its own
    versionen = list(gespeicherte_versionen(antrag["person-1"]))
    assert versionen[-1].taetigkeit_bis == ende
    assert versionen[-2].taetigkeit_bis is None
    # withdrawal: the existing withdrawal, its record and its mail
    stand = IDatenschutzstandPerson(antrag["person-2"])
    assert stand.einwilligung_widerrufen_am == HEUTE
    (widerruf,) = IDatenschutzstand(antrag).einwilligungen_widerrufen
    assert widerruf["person"] == "person-2"
    assert widerruf["wer"] == "leitung"
    assert [s for s in mails.subjects() if "Einwilligung widerrufen" in s]
    # the record: who, when, per Person; the review is answered
    antworten = IJobstand(antrag).ueberpruefung_antworten
    assert [(a["person"], a["wer"], a["runde"]) for a in antworten] == [
        ("person", "leitung", 1),
        ("person-1", "leitung", 1),
        ("person-2", "leitung", 1),
    ]
    assert all(a["zeit"] for a in antworten)
    assert not ueberpruefung.ist_faellig(antrag)
    assert _brain(antrag).ueberpruefung_offen_seit is None


def test_the_answers_appear_in_the_verlauf(gefragt):
    antrag = gefragt
    ende = HEUTE + timedelta(days=30)
    with api.env.adopt_user(username="stellvertretung"):
        ueberpruefung.beantworten(
            antrag,
            {
                "person": ("weiterhin", None),
                "person-1": ("aufgabe_endet", ende),
                "person-2": ("weiterhin", None),
            },
            erneut=True,
        )
    with api.env.adopt_user(username="personalrat"):
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        verlauf = view.verlauf()
    beantwortet = [e for e in verlauf if "Überprüfung beantwortet" in e["titel"]]
    assert len(beantwortet) == 3
    assert {e["wer"] for e in beantwortet} == {"Stefan Stellvertretung (FB 10)"}
    kommentare = {e["titel"]: e["kommentar"] for e in beantwortet}
    assert (
        kommentare["Jährliche Überprüfung beantwortet (Muster, Max)"]
        == f"Aufgabe endet am {ende:%d.%m.%Y} – erneuter Antrag nötig"
    )
    assert kommentare["Jährliche Überprüfung beantwortet (Mustermann, Erika)"] == (
        "willigt weiterhin ein – erneuter Antrag nötig"
    )


def test_a_missing_answer_writes_nothing(gefragt):
    antrag = gefragt
    with (
        api.env.adopt_user(username="leitung"),
        pytest.raises(AktionAbgelehnt) as fehler,
    ):
        ueberpruefung.beantworten(
            antrag,
            {"person": ("widerrufen", None), "person-1": ("weiterhin", None)},
        )
    assert "Idee" in fehler.value.message
    assert not IDatenschutzstandPerson(antrag["person"]).einwilligung_widerrufen_am
    assert IJobstand(antrag).ueberpruefung_antworten == ()
    assert ueberpruefung.ist_faellig(antrag)


def test_a_task_end_needs_its_day_not_before_the_start(gefragt):
    antrag = gefragt
    antworten = _alle_weiterhin(antrag)
    with api.env.adopt_user(username="leitung"):
        with pytest.raises(AktionAbgelehnt) as fehler:
            ueberpruefung.beantworten(
                antrag, dict(antworten, person=("aufgabe_endet", None))
            )
        assert fehler.value.field == "datum"
        with pytest.raises(AktionAbgelehnt) as fehler:
            ueberpruefung.beantworten(
                antrag, dict(antworten, person=("aufgabe_endet", date(2025, 1, 1)))
            )
        assert "Beginn" in fehler.value.message
        with pytest.raises(AktionAbgelehnt):
            ueberpruefung.beantworten(
                antrag, dict(antworten, person=("widerrufen", HEUTE + timedelta(1)))
            )
    assert antrag["person"].taetigkeit_bis is None


def test_no_review_open_no_answer(genehmigt_drei):
    with (
        api.env.adopt_user(username="leitung"),
        pytest.raises(AktionAbgelehnt) as fehler,
    ):
        ueberpruefung.beantworten(genehmigt_drei, _alle_weiterhin(genehmigt_drei))
    assert "keine jährliche Überprüfung" in fehler.value.message


@pytest.fixture
def leitung50(portal):
    api.user.create(
        email="leitung50@stadtdo.example",
        username="leitung50",
        password="demo-leitung50",
    )
    api.group.add_user(groupname="fb-50-leitung", username="leitung50")
    return "leitung50"


@pytest.mark.parametrize(
    "userid", ["mitarbeiter", "dsfachkraft", "poa", "sta11", "personalrat"]
)
def test_only_the_head_of_the_department_may_answer(gefragt, userid):
    antrag = gefragt
    with api.env.adopt_user(username=userid):
        assert not ueberpruefung.darf_beantworten(antrag)
        with pytest.raises(Unauthorized):
            ueberpruefung.beantworten(antrag, _alle_weiterhin(antrag))
    assert IJobstand(antrag).ueberpruefung_antworten == ()


def test_the_head_of_another_department_may_not_answer(gefragt, leitung50):
    with api.env.adopt_user(username=leitung50):
        assert not ueberpruefung.darf_beantworten(gefragt)
        with pytest.raises(Unauthorized):
            ueberpruefung.beantworten(gefragt, _alle_weiterhin(gefragt))


def test_unanswered_review_is_reminded_and_escalated_once(gefragt, mails):
    antrag = gefragt
    frist = ueberpruefung.frist(_gesendet(antrag))
    assert frist == plus_arbeitstage(_gesendet(antrag), 20)
    assert (
        _arten(_run(frist), "ueberpruefung_erinnerung", "ueberpruefung_eskalation")
        == []
    )
    tag = frist + timedelta(days=1)
    mails.clear()  # the first run reminded the Systemhaus of its open order
    vorschau = _run(tag, dry_run=True)
    assert len(_arten(vorschau, "ueberpruefung_erinnerung")) == 1
    assert mails.all() == []
    result = _run(tag)
    (erinnerung,) = _arten(result, "ueberpruefung_erinnerung")
    (eskalation,) = _arten(result, "ueberpruefung_eskalation")
    assert sorted(erinnerung["empfaenger"]) == addr("leitung", "stellvertretung")
    assert eskalation["empfaenger"] == addr("poa")
    assert mails.recipients("Erinnerung: Überprüfung") == addr(
        "leitung", "stellvertretung"
    )
    assert mails.recipients("Überprüfung der Freiwilligkeit überfällig") == addr("poa")
    text = next(m for m in mails.all() if "überfällig" in m["Subject"]).get_content()
    assert f"{frist:%d.%m.%Y}" in text
    assert "Max Muster" in text
    assert [m["art"] for m in IJobstand(antrag).ueberpruefung_mahnungen] == [
        "erinnerung",
        "eskalation",
    ]
    mails.clear()
    assert (
        _arten(
            _run(tag + timedelta(days=3)),
            "ueberpruefung_erinnerung",
            "ueberpruefung_eskalation",
        )
        == []
    )
    assert mails.all() == []


def test_an_answered_review_is_not_reminded(gefragt, mails):
    antrag = gefragt
    with api.env.adopt_user(username="leitung"):
        ueberpruefung.beantworten(antrag, _alle_weiterhin(antrag))
    tag = ueberpruefung.frist(_gesendet(antrag)) + timedelta(days=1)
    assert (
        _arten(_run(tag), "ueberpruefung_erinnerung", "ueberpruefung_eskalation") == []
    )


def _ueberfaellig_machen(antrag):
    """The review was sent 60 days ago (its deadline has passed today)."""
    stand = IJobstand(antrag)
    eintrag = dict(
        stand.ueberpruefungen[-1], faellig_ab=(HEUTE - timedelta(days=60)).isoformat()
    )
    stand.ueberpruefung_ersetzen(len(stand.ueberpruefungen) - 1, eintrag)
    antrag.reindexObject()


def test_report_and_uebersicht_flag_an_overdue_review(gefragt, datenbank):
    antrag = gefragt
    brain = _brain(antrag)
    assert bericht.UEBERPRUEFUNG_UEBERFAELLIG not in bericht.warnungen(brain)
    _ueberfaellig_machen(antrag)
    brain = _brain(antrag)
    assert ueberpruefung.ist_ueberfaellig(brain)
    assert bericht.UEBERPRUEFUNG_UEBERFAELLIG in bericht.warnungen(brain)
    with api.env.adopt_user(username="poa"):
        daten = bericht.report(datenbank)
        (konto,) = [
            k
            for k in daten["aktive_konten"]
            if k["antragsnummer"] == antrag.antragsnummer
        ]
        assert "ueberpruefung_ueberfaellig" in konto["warnungen"]
        view = api.content.get_view("uebersicht", datenbank, datenbank.REQUEST)
        assert view.zeile(brain)["ueberpruefung_ueberfaellig"] is True
        html = view.tabellenzeilen([brain])
    assert "Überprüfung überfällig" in html


def test_the_antrag_page_shows_the_open_review(gefragt):
    antrag = gefragt
    with api.env.adopt_user(username="leitung"):
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        hinweis = view.ueberpruefung()
    assert hinweis["kann_beantworten"] is True
    frist = ueberpruefung.frist(_gesendet(antrag))
    assert hinweis["frist"] == f"{frist:%d.%m.%Y}"
    with api.env.adopt_user(username="mitarbeiter"):
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        assert view.ueberpruefung()["kann_beantworten"] is False


def test_a_closed_account_has_no_open_review(gefragt, transition):
    transition(gefragt, "einstellen", "mitarbeiter")
    assert not ueberpruefung.ist_faellig(gefragt)
    assert _brain(gefragt).ueberpruefung_offen_seit is None


def test_the_answers_are_in_the_art_15_report(gefragt, datenbank):
    from stadtdo.sozialnetz.datenschutz.auskunft import auskunft

    antrag = gefragt
    with api.env.adopt_user(username="leitung"):
        ueberpruefung.beantworten(antrag, _alle_weiterhin(antrag))
    with api.env.adopt_roles(["Manager"]):
        ueber_max = auskunft(datenbank, "max@stadtdo.de")["mitteilungen"]
        von_leitung = auskunft(datenbank, "leitung")["mitteilungen"]
    assert [
        (m["person"], m["antwort"])
        for m in ueber_max
        if m["art"] == "ueberpruefung_antwort"
    ] == [("person-1", "weiterhin")]
    assert len([m for m in von_leitung if m["art"] == "ueberpruefung_antwort"]) == 3


def test_a_re_application_asked_for_is_pointed_to_until_it_exists(gefragt):
    from stadtdo.sozialnetz.verfahren import schritte

    antrag = gefragt
    with api.env.adopt_user(username="leitung"):
        ueberpruefung.beantworten(antrag, _alle_weiterhin(antrag), erneut=True)
        assert api.content.get_view("view", antrag, antrag.REQUEST).erneut_verlangt()
    assert ueberpruefung.erneut_verlangt(antrag)
    with api.env.adopt_user(username="mitarbeiter"):
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        assert view.erneut_verlangt() == {"kann_erneut_stellen": True}
        schritte.erneut_stellen(antrag)
        view = api.content.get_view("view", antrag, antrag.REQUEST)
        assert view.erneut_verlangt() is None


def test_no_re_application_pointed_to_without_the_head_asking(gefragt):
    with api.env.adopt_user(username="leitung"):
        ueberpruefung.beantworten(gefragt, _alle_weiterhin(gefragt))
    assert not ueberpruefung.erneut_verlangt(gefragt)


def test_nobody_left_to_ask_leaves_no_review_open(gefragt):
    antrag = gefragt
    for person in ueberpruefung.zu_beantworten(antrag):
        with api.env.adopt_user(username="leitung"):
            einwilligung.widerruf_vermerken(person)
    assert ueberpruefung.zu_beantworten(antrag) == []
    assert not ueberpruefung.ist_faellig(antrag)
    tag = ueberpruefung.frist(_gesendet(antrag)) + timedelta(days=1)
    assert (
        _arten(_run(tag), "ueberpruefung_erinnerung", "ueberpruefung_eskalation") == []
    )
