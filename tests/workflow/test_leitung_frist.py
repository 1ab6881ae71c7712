"""Issue 23, item 2 „Nobody waits in silence“: the head's approval has a
deadline in working days like the bodies' votes – one more entry of the
deadline table (``verfahren.frist.SCHRITTE``), reminded to head and deputy
and escalated to StA 11 by the daily job; never a decision."""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.berichte import bericht
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.verfahren import frist
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from tests.notifications.conftest import addr
import pytest


#: Mon 1 June 2026 + 5 working days (Thu 4 June is Fronleichnam in NRW)
EINGEREICHT = date(2026, 6, 1)
FRIST = date(2026, 6, 9)
ERINNERUNG_AB = date(2026, 6, 5)  # two working days before the deadline


def _seit(antrag, state, tag):
    """Let ``antrag`` have entered ``state`` on ``tag`` (noon)."""
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == state:
            history[i] = dict(entry, time=DateTime(f"{tag.isoformat()} 12:00"))
    antrag.workflow_history[WORKFLOW] = tuple(history)
    antrag.reindexObject()


def _fbl_mitteilungen(today):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return [
            m
            for m in run_jobs(today=today)
            if m["art"].startswith("frist_") and m["gremium"] == frist.FBL
        ]


def _brain(antrag):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=antrag.UID())
    return brain


@pytest.fixture
def wartet(antrag_in):
    """Submitted in FB 10 on Mon 1 June 2026, waiting for its head."""
    antrag = antrag_in("genehmigung_fbl")
    _seit(antrag, "genehmigung_fbl", EINGEREICHT)
    return antrag


def test_the_heads_step_is_one_entry_of_the_deadline_table(wartet):
    assert frist.SCHRITTE_BY_ID[frist.FBL].transition == "genehmigen"
    assert _brain(wartet).faellig_seit == {"fbl": "2026-06-01"}
    assert frist.fristen(wartet)[frist.FBL] == FRIST
    assert frist.naechste_frist(_brain(wartet)) == FRIST
    # the bodies' column of the vote table is not the head's
    assert set(frist.fristen_je_gremium(wartet).values()) == {None}


def test_the_length_is_a_setting_of_its_own(wartet):
    api.portal.set_registry_record(
        "frist_fbl_arbeitstage", 10, interface=ISozialnetzSettings
    )
    assert frist.fristen(_brain(wartet))[frist.FBL] == date(2026, 6, 16)
    assert frist.arbeitstage() == 10  # the bodies' own setting is untouched


def test_nothing_before_the_reminder_day(wartet, mails):
    mails.clear()
    assert _fbl_mitteilungen(date(2026, 6, 4)) == []
    assert mails.all() == []


def test_head_and_deputy_are_reminded_once(wartet, mails):
    mails.clear()
    (mail,) = _fbl_mitteilungen(ERINNERUNG_AB)
    assert (mail["art"], mail["frist"]) == ("frist_erinnerung", "2026-06-09")
    betreff = "Erinnerung: Genehmigung durch die Fachbereichsleitung"
    assert mails.recipients(betreff) == addr("leitung", "stellvertretung")
    nachricht = mails.all()[0]
    assert "09.06.2026" in nachricht["Subject"]
    text = nachricht.get_content()
    assert "wartet auf die Genehmigung der Fachbereichsleitung" in text
    assert "Frist endet am 09.06.2026" in text
    assert wartet.absolute_url() in text
    mails.clear()
    assert _fbl_mitteilungen(date(2026, 6, 8)) == []
    assert mails.all() == []


def test_sta11_is_told_the_day_after_the_deadline_once(wartet, mails):
    _fbl_mitteilungen(ERINNERUNG_AB)
    assert _fbl_mitteilungen(FRIST) == []  # the deadline day itself
    assert not frist.ist_ueberfaellig(_brain(wartet), FRIST)
    mails.clear()
    (mail,) = _fbl_mitteilungen(date(2026, 6, 10))
    assert mail["art"] == "frist_eskalation"
    betreff = "Frist überschritten: Genehmigung durch die Fachbereichsleitung"
    assert mails.recipients(betreff) == addr("sta11")
    text = mails.all()[0].get_content()
    assert "die Frist endete am 09.06.2026" in text
    assert "Berechtigungsverwaltung (StA 11)" in text
    assert "gilt nicht als Genehmigung" in text
    assert api.content.get_state(wartet) == "genehmigung_fbl"  # nothing decided
    assert frist.ist_ueberfaellig(_brain(wartet), date(2026, 6, 10))
    mails.clear()
    assert _fbl_mitteilungen(date(2026, 6, 11)) == []
    assert mails.all() == []


def test_a_missed_run_still_escalates(wartet, mails):
    mails.clear()
    (mail,) = _fbl_mitteilungen(date(2026, 7, 1))
    assert mail["art"] == "frist_eskalation"
    assert mails.recipients("Frist überschritten") == addr("sta11")


def test_the_preview_sends_nothing(wartet, mails):
    mails.clear()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        vorschau = run_jobs(today=date(2026, 6, 10), dry_run=True)
    assert [m["art"] for m in vorschau if m.get("gremium") == frist.FBL] == [
        "frist_eskalation"
    ]
    assert mails.all() == []
    assert len(_fbl_mitteilungen(date(2026, 6, 10))) == 1


def test_approval_ends_the_deadline(wartet, transition, mails):
    transition(wartet, "genehmigen", "leitung")
    assert frist.FBL not in _brain(wartet).faellig_seit
    mails.clear()
    assert _fbl_mitteilungen(date(2026, 7, 1)) == []


def test_a_vote_keeps_its_own_length_beside_the_heads(wartet, antrag_in, portal):
    """„überfällig“ asks the one rule for each step with its own length:
    on 10 June the head's 5 days are over, a vote due the same day with 10
    days is not."""
    votum = antrag_in("beteiligung")
    _seit(votum, "beteiligung", EINGEREICHT)
    datenbank = api.content.get(path="/soziale-netzwerke")
    with api.env.adopt_user(username="poa"):
        ueberfaellig = [
            b.getPath()
            for b in bericht.brains(datenbank, ueberfaellig_am=date(2026, 6, 10))
        ]
        spaeter = [
            b.getPath()
            for b in bericht.brains(datenbank, ueberfaellig_am=date(2026, 6, 17))
        ]
    assert ueberfaellig == ["/".join(wartet.getPhysicalPath())]
    assert sorted(spaeter) == sorted(
        "/".join(a.getPhysicalPath()) for a in (wartet, votum)
    )


def test_the_report_row_has_the_heads_deadline(wartet):
    zeile = bericht.zeile(_brain(wartet))
    assert zeile["fristen"]["fbl"] == "2026-06-09"
    assert zeile["naechste_frist"] == "2026-06-09"


def test_the_submitter_who_is_a_head_is_not_reminded(
    make_antrag, add_person, transition, mails
):
    """The deputy submits: only the head, who may approve, is reminded."""
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-10-mitarbeiter", username="stellvertretung")
    antrag = make_antrag(userid="stellvertretung")
    add_person(antrag, userid="stellvertretung")
    transition(antrag, "einreichen", "stellvertretung")
    _seit(antrag, "genehmigung_fbl", EINGEREICHT)
    mails.clear()
    (mail,) = _fbl_mitteilungen(ERINNERUNG_AB)
    assert mail["empfaenger"] == addr("leitung")
    assert mails.recipients("Erinnerung") == addr("leitung")
