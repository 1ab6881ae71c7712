"""The scheduled jobs: January digest and yearly review of the voluntary basis."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from stadtdo.sozialnetz.jobs.stand import IJobstand
from stadtdo.sozialnetz.settings import ISozialnetzSettings
from stadtdo.sozialnetz.verfahren.verlauf import genehmigt_am
from tests.notifications.conftest import addr


def _run(today, **kw):
    """As cron does: @@sozialnetz-jobs, called by the Zope administrator
    (adopt_roles would not reach the catalog's role filter). Without the
    reminders of the Systemhaus's unconfirmed unlocking orders (their job:
    tests/offboarding/test_systemhaus.py)."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return [
            e
            for e in run_jobs(today=today, **kw)
            if not e["art"].startswith("systemhaus_")
        ]


def test_digest_in_january_to_head_and_deputy(antrag_in, mails):
    antrag = antrag_in("genehmigt")
    jahr = date.today().year + 1
    mails.clear()
    sent = _run(date(jahr, 1, 2))
    assert [m["art"] for m in sent if m["art"] == "jahresuebersicht"] == [
        "jahresuebersicht"
    ]
    assert mails.recipients("Jahresübersicht") == addr("leitung", "stellvertretung")
    body = next(
        m for m in mails.all() if "Jahresübersicht" in m["Subject"]
    ).get_content()
    assert "Instagram: @stadtdortmund_buergerdienste" in body
    assert "Erika Mustermann (Redakteur*in)" in body
    assert antrag.antragsnummer in body


def test_digest_sent_once_per_year_and_department(antrag_in, mails):
    antrag_in("genehmigt")
    jahr = date.today().year + 1
    _run(date(jahr, 1, 2))
    mails.clear()
    assert _run(date(jahr, 1, 3)) == []
    assert mails.all() == []
    next_year = _run(date(jahr + 1, 1, 2))
    assert [m["art"] for m in next_year].count("jahresuebersicht") == 1


def test_no_digest_outside_the_digest_month(antrag_in, mails):
    antrag_in("genehmigt")
    mails.clear()
    assert _run(date(date.today().year + 1, 2, 1)) == []
    # (only the reminder of the unconfirmed unlocking order went out)
    assert [m for m in mails.all() if m["To"] != "freischaltung@dosys.example"] == []


def test_digest_month_is_configurable(antrag_in, mails):
    antrag_in("genehmigt")
    api.portal.set_registry_record("digest_monat", 3, interface=ISozialnetzSettings)
    assert len(_run(date(date.today().year + 1, 3, 1))) == 1


def test_department_without_active_accounts_gets_no_digest(antrag_in, mails):
    antrag_in("beteiligung")
    mails.clear()
    assert _run(date(date.today().year + 1, 1, 2)) == []


def test_preview_sends_and_records_nothing(antrag_in, mails):
    antrag_in("genehmigt")
    jahr = date.today().year + 1
    mails.clear()
    preview = _run(date(jahr, 1, 2), dry_run=True)
    assert sorted(preview[0]["empfaenger"]) == addr("leitung", "stellvertretung")
    assert mails.all() == []
    assert len(_run(date(jahr, 1, 2))) == 1


def test_review_reminder_one_year_after_approval(antrag_in, mails):
    antrag = antrag_in("genehmigt")
    am = genehmigt_am(antrag)
    assert am == date.today()
    early = _run(am + timedelta(days=364), dry_run=True)
    assert [m for m in early if m["art"] == "ueberpruefung"] == []
    mails.clear()
    day = am + timedelta(days=365)
    if day.month == 1:
        day += timedelta(days=31)
    sent = [m for m in _run(day) if m["art"] == "ueberpruefung"]
    assert len(sent) == 1
    assert mails.recipients("Überprüfung der Freiwilligkeit") == addr(
        "leitung", "stellvertretung", "mitarbeiter"
    )
    assert IJobstand(antrag).ueberpruefungen[0]["runde"] == 1


def test_review_reminder_once_per_year(antrag_in, mails):
    antrag = antrag_in("genehmigt")
    day = genehmigt_am(antrag) + timedelta(days=400)
    _run(day)
    mails.clear()
    assert [
        m for m in _run(day + timedelta(days=1)) if m["art"] == "ueberpruefung"
    ] == []
    assert [
        m for m in _run(day + timedelta(days=366)) if m["art"] == "ueberpruefung"
    ] != []


def test_no_review_for_closed_accounts(antrag_in, mails):
    antrag = antrag_in("eingestellt")
    day = genehmigt_am(antrag) + timedelta(days=400)
    assert [m for m in _run(day) if m["art"] == "ueberpruefung"] == []


def test_digest_lists_an_account_once_while_its_reapplication_is_pending(
    antrag_in, transition, mails
):
    from stadtdo.sozialnetz.verfahren import schritte

    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    transition(neu, "zurueckweisen", "leitung", "Nicht so.")
    mails.clear()
    _run(date(date.today().year + 1, 1, 2))
    body = next(
        m for m in mails.all() if "Jahresübersicht" in m["Subject"]
    ).get_content()
    assert body.count("Instagram: @stadtdortmund_buergerdienste") == 1
    assert alt.antragsnummer in body and neu.antragsnummer not in body
