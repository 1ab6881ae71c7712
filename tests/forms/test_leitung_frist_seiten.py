"""The head's deadline at the doors: the Antrag view, the Übersicht with
its filter „überfällig“, the report and the preview of the daily jobs
(``@@sozialnetz-jobs?datum=``), which sends nothing. The daily job itself:
tests/workflow/test_leitung_frist.py."""

from DateTime import DateTime
from datetime import date
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.notifications.stand import IMitteilungsstand
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import pytest
import transaction


def _seit(antrag, tag):
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == "genehmigung_fbl":
            history[i] = dict(entry, time=DateTime(f"{tag.isoformat()} 12:00"))
    antrag.workflow_history[WORKFLOW] = tuple(history)
    antrag.reindexObject()


@pytest.fixture
def wartet(antrag_in):
    """Waiting for the head of FB 10 since Mon 1 June 2026 (deadline Tue
    9 June: five working days, Fronleichnam on 4 June)."""
    antrag = antrag_in("genehmigung_fbl")
    _seit(antrag, date(2026, 6, 1))
    transaction.commit()
    return antrag


def _zeile(html, antragsnummer):
    return html.split(f">{antragsnummer}</a>", 1)[1].split("</tr>", 1)[0]


def test_the_antrag_view_shows_the_heads_deadline(wartet, browser_as):
    browser = browser_as("leitung")
    browser.open(wartet.absolute_url())
    abschnitt = browser.contents.split('id="sn-genehmigung-titel"', 1)[1]
    abschnitt = abschnitt.split("</section>", 1)[0]
    assert "Frist der Fachbereichsleitung:" in abschnitt
    assert "09.06.2026" in abschnitt
    assert "überfällig" in abschnitt  # long past today


def test_the_uebersicht_lists_it_as_overdue(wartet, browser_as, datenbank):
    browser = browser_as("poa")
    browser.open(datenbank.absolute_url() + "/@@uebersicht?ueberfaellig=1")
    zeile = _zeile(browser.contents, wartet.antragsnummer)
    assert "09.06.2026" in zeile and "überfällig" in zeile


def test_the_report_names_the_heads_deadline(wartet, request_factory):
    session = request_factory(basic_auth=("poa", demo_password("poa")), api=False)
    report = session.get("soziale-netzwerke/@sozialnetz-report").json()
    (zeile,) = [
        z
        for z in report["offene_antraege"]
        if z["antragsnummer"] == wartet.antragsnummer
    ]
    assert zeile["fristen"]["fbl"] == "2026-06-09"


def test_the_jobs_preview_shows_reminder_and_escalation(wartet, functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    url = functional["portal"].absolute_url() + "/@@sozialnetz-jobs?datum="
    browser.open(url + "2026-06-05")
    assert "Erinnerung: Genehmigung durch die Fachbereichsleitung bis 09.06.2026" in (
        browser.contents
    )
    assert "leitung@stadtdo.example" in browser.contents
    browser.open(url + "2026-06-10")
    assert "Frist überschritten: Genehmigung durch die Fachbereichsleitung" in (
        browser.contents
    )
    assert "sta11@stadtdo.example" in browser.contents
    # a preview records nothing: the real run still has both to send
    transaction.begin()
    assert list(IMitteilungsstand(wartet).frist_mitteilungen or ()) == []
