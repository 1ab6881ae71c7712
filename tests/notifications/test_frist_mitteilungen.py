"""Reminders before and escalations after a vote's deadline, in the daily
job: each once, and never a decision (no deemed approval)."""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import aktuelles_votum
from tests.notifications.conftest import addr
import pytest


LEITUNG_PR = "pr-vorsitz@stadtdo.example"


def _run(today, **kw):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return [m for m in run_jobs(today=today, **kw) if m["art"].startswith("frist_")]


@pytest.fixture
def antrag(antrag_in, vote):
    """In Beteiligung since Mon 1 June 2026 (deadline 16 June, Fronleichnam
    on 4 June); Datenschutz, POA and IT-Sicherheit have voted, the
    Personalrat has not."""
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "ja")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "itsicherheit", "itsicherheit", "ja")
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == "beteiligung":
            history[i] = dict(entry, time=DateTime("2026-06-01 12:00"))
    antrag.workflow_history[WORKFLOW] = tuple(history)
    antrag.reindexObject()
    api.portal.set_registry_record(
        "adresse_leitung_personalrat", LEITUNG_PR, interface=ISozialnetzSettings
    )
    return antrag


def test_nothing_before_the_reminder_day(antrag, mails):
    mails.clear()
    assert _run(date(2026, 6, 11)) == []  # reminder on Fri 12 June (2 days before)


def test_reminder_two_working_days_before_once(antrag, mails):
    mails.clear()
    (mail,) = _run(date(2026, 6, 12))
    assert (mail["art"], mail["gremium"], mail["frist"]) == (
        "frist_erinnerung",
        "personalrat",
        "2026-06-16",
    )
    assert mails.recipients("Erinnerung") == addr("personalrat")
    assert "16.06.2026" in mails.all()[0]["Subject"]
    mails.clear()
    assert _run(date(2026, 6, 15)) == []
    assert mails.all() == []


def test_escalation_to_the_lead_the_day_after_once(antrag, mails):
    _run(date(2026, 6, 12))
    assert _run(date(2026, 6, 16)) == []  # the deadline day itself
    mails.clear()
    (mail,) = _run(date(2026, 6, 17))
    assert mail["art"] == "frist_eskalation"
    assert mails.recipients("Frist überschritten") == [LEITUNG_PR]
    body = mails.all()[0].get_content()
    assert "gilt nicht als Zustimmung" in body
    mails.clear()
    assert _run(date(2026, 6, 18)) == []
    assert mails.all() == []


def test_reminder_days_are_configurable(antrag, mails):
    api.portal.set_registry_record(
        "erinnerung_arbeitstage_vorher", 5, interface=ISozialnetzSettings
    )
    # five working days before Tue 16 June: Mon 8 June (Thu 4 is a holiday)
    assert _run(date(2026, 6, 5)) == []
    assert [m["art"] for m in _run(date(2026, 6, 9))] == ["frist_erinnerung"]


def test_no_escalation_without_address(antrag, mails):
    api.portal.set_registry_record(
        "adresse_leitung_personalrat", "", interface=ISozialnetzSettings
    )
    _run(date(2026, 6, 12))
    mails.clear()
    assert _run(date(2026, 6, 17)) == []
    assert mails.all() == []


def test_missing_vote_never_decides(antrag, mails):
    _run(date(2026, 6, 12))
    _run(date(2026, 9, 1))
    assert api.content.get_state(antrag) == "beteiligung"
    assert aktuelles_votum(antrag, "personalrat")["votum"] == "offen"


def test_preview_sends_and_records_nothing(antrag, mails):
    mails.clear()
    assert len(_run(date(2026, 6, 12), dry_run=True)) == 1
    assert mails.all() == []
    assert len(_run(date(2026, 6, 12))) == 1
