"""Deadlines in the Übersicht („Frist“, filter „überfällig“), Meine Aufgaben,
the CSV export and the Antrag view."""

from DateTime import DateTime
from datetime import date
from stadtdo.sozialnetz.verfahren.arbeitstage import plus_arbeitstage
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import transaction


def _eintritt_am(antrag, state, tag):
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == state:
            history[i] = dict(entry, time=DateTime(f"{tag.isoformat()} 12:00"))
    antrag.workflow_history[WORKFLOW] = tuple(history)
    antrag.reindexObject()


def _open(browser_as, userid, url):
    transaction.commit()
    browser = browser_as(userid)
    browser.open(url)
    return browser.contents


def test_overview_shows_next_deadline_and_filters_overdue(
    browser_as, antrag_in, datenbank
):
    alt = antrag_in("beteiligung")
    _eintritt_am(alt, "beteiligung", date(2026, 6, 1))  # due 16 June 2026
    neu = antrag_in("beteiligung")
    neu_frist = plus_arbeitstage(date.today(), 10).strftime("%d.%m.%Y")
    url = datenbank.absolute_url() + "/@@uebersicht"
    seite = _open(browser_as, "poa", url)
    assert "16.06.2026" in seite and neu_frist in seite
    seite = _open(browser_as, "poa", url + "?ueberfaellig=1")
    assert alt.antragsnummer in seite and neu.antragsnummer not in seite
    assert "überfällig" in seite


def test_meine_aufgaben_and_export_show_the_deadline(browser_as, antrag_in, datenbank):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2026, 6, 1))
    seite = _open(browser_as, "poa", datenbank.absolute_url() + "/@@meine-aufgaben")
    assert antrag.antragsnummer in seite and "16.06.2026" in seite
    csv_text = _open(
        browser_as, "poa", datenbank.absolute_url() + "/@@uebersicht-export"
    )
    assert "Frist" in csv_text.splitlines()[0] and "16.06.2026" in csv_text


def test_antrag_view_shows_each_bodys_deadline(browser_as, antrag_in, vote):
    antrag = antrag_in("beteiligung")
    _eintritt_am(antrag, "beteiligung", date(2026, 6, 1))
    vote(antrag, "poa", "poa", "ja")
    seite = _open(browser_as, "mitarbeiter", antrag.absolute_url())
    kurz = seite.partition('id="sn-kurzansicht-titel"')[2].partition("</section>")[0]
    assert kurz.count("16.06.2026") == 3  # Datenschutz, Personalrat, IT-Sicherheit
    assert "überfällig" in kurz
