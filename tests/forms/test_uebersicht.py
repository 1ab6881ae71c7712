"""Übersicht, Meine Aufgaben and the CSV export on the database folder."""

import csv
import io
import transaction


def _browser(browser_as, userid, url):
    transaction.commit()
    browser = browser_as(userid)
    browser.open(url)
    return browser


def test_overview_lists_visible_antraege_with_votes(browser_as, antrag_in, datenbank):
    antrag = antrag_in("beteiligung")
    browser = _browser(browser_as, "poa", datenbank.absolute_url())
    assert "Übersicht" in browser.contents
    assert antrag.antragsnummer in browser.contents
    count = browser.contents.split('class="sn-anzahl"')[1].split("</p>")[0]
    text = " ".join(count.replace(">", "> ").split())
    assert text.startswith('aria-live="polite"> 1')
    # one Antrag in the singular, more in the plural
    assert "> Antrag</span>" in text and "Anträge" not in text
    antrag_in("beteiligung")
    browser = _browser(browser_as, "poa", datenbank.absolute_url())
    count = browser.contents.split('class="sn-anzahl"')[1].split("</p>")[0]
    assert "Anträge" in count


def test_other_department_sees_nothing(browser_as, antrag_in, datenbank):
    antrag = antrag_in("beteiligung")
    browser = _browser(browser_as, "mitarbeiter50", datenbank.absolute_url())
    assert antrag.antragsnummer not in browser.contents
    assert "Keine Anträge gefunden." in browser.contents


def test_filters_by_state_and_text(browser_as, antrag_in, make_antrag, datenbank):
    eins = antrag_in("beteiligung")
    zwei = make_antrag(plattform="facebook", kontoname="Stadtbibliothek")
    url = datenbank.absolute_url() + "/@@uebersicht"
    browser = _browser(browser_as, "mitarbeiter", url + "?status=entwurf")
    assert (
        zwei.antragsnummer in browser.contents
        and eins.antragsnummer not in browser.contents
    )
    browser.open(url + "?q=Stadtbiblio")
    assert (
        zwei.antragsnummer in browser.contents
        and eins.antragsnummer not in browser.contents
    )
    browser.open(url + "?plattform=instagram")
    assert (
        eins.antragsnummer in browser.contents
        and zwei.antragsnummer not in browser.contents
    )


def test_meine_aufgaben_per_actor(browser_as, antrag_in, datenbank):
    fbl = antrag_in("genehmigung_fbl")
    bet = antrag_in("beteiligung")
    url = datenbank.absolute_url() + "/@@meine-aufgaben"
    leitung = _browser(browser_as, "leitung", url).contents
    assert fbl.antragsnummer in leitung and bet.antragsnummer not in leitung
    poa = _browser(browser_as, "poa", url).contents
    assert bet.antragsnummer in poa and fbl.antragsnummer not in poa
    agentur = _browser(browser_as, "agentur", url).contents
    assert bet.antragsnummer not in agentur and fbl.antragsnummer not in agentur


def test_voted_body_has_no_task_left(browser_as, antrag_in, vote, datenbank):
    antrag = antrag_in("beteiligung")
    vote(antrag, "poa", "poa", "ja")
    html = _browser(
        browser_as, "poa", datenbank.absolute_url() + "/@@meine-aufgaben"
    ).contents
    assert antrag.antragsnummer not in html


def test_csv_export_of_the_current_filter(
    browser_as, antrag_in, make_antrag, datenbank
):
    eins = antrag_in("beteiligung")
    make_antrag()
    browser = _browser(
        browser_as,
        "mitarbeiter",
        datenbank.absolute_url() + "/@@uebersicht-export?status=beteiligung",
    )
    assert browser.headers["Content-Type"].startswith("text/csv")
    rows = list(
        csv.reader(io.StringIO(browser.contents.lstrip("\ufeff")), delimiter=";")
    )
    assert rows[0][:5] == [
        "Antragsnummer",
        "Fachbereich",
        "Plattform",
        "Konto",
        "Status",
    ]
    assert rows[0][5:10] == [
        "FB 3",
        "Datenschutz",
        "Personalrat",
        "FB 11",
        "IT-Sicherheit",
    ]
    assert [r[0] for r in rows[1:]] == [eins.antragsnummer]
    assert rows[1][4] == "Beteiligungsverfahren"
    assert rows[1][5] == "Ja"


def test_pending_reapplication_shows_aenderung_beantragt(
    browser_as, antrag_in, transition, datenbank
):
    from plone import api
    from stadtdo.sozialnetz.verfahren import schritte

    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    url = datenbank.absolute_url() + "/@@uebersicht"
    browser = _browser(browser_as, "poa", url + "?status=genehmigt")
    assert alt.antragsnummer in browser.contents
    zeile = browser.contents.split(alt.antragsnummer, 1)[1].split("</tr>")[0]
    assert "Änderung beantragt:" in zeile and neu.antragsnummer in zeile
    browser.open(f"{datenbank.absolute_url()}/@@uebersicht-export?status=genehmigt")
    (row,) = list(
        csv.reader(io.StringIO(browser.contents.lstrip("\ufeff")), delimiter=";")
    )[1:]
    assert neu.antragsnummer in row


def test_bad_filter_is_dropped_with_a_german_message(browser_as, antrag_in, datenbank):
    antrag = antrag_in("beteiligung")
    url = datenbank.absolute_url() + "/@@uebersicht?status=gibtsnicht&q=(%22&b_start=x"
    browser = _browser(browser_as, "poa", url)
    assert browser.headers["status"].startswith("200")
    assert "Unbekannter Status „gibtsnicht“" in browser.contents
    assert antrag.antragsnummer in browser.contents


def test_zurueckgewiesen_is_a_task_of_nobody(browser_as, antrag_in, datenbank):
    antrag = antrag_in("zurueckgewiesen")
    url = datenbank.absolute_url() + "/@@meine-aufgaben"
    for userid in ("mitarbeiter", "leitung"):
        assert antrag.antragsnummer not in _browser(browser_as, userid, url).contents


def test_account_with_fewer_than_two_persons_is_marked(
    browser_as, antrag_in, datenbank
):
    antrag = antrag_in("genehmigt")
    browser = _browser(browser_as, "poa", datenbank.absolute_url() + "/@@uebersicht")
    zeile = browser.contents.split(antrag.antragsnummer, 1)[1].split("</tr>")[0]
    assert "weniger als zwei Personen" in zeile
