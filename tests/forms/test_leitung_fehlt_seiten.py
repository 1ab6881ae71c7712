"""Issue 23, item 2 at the doors: FB 50 has no head or deputy with a mail
address – the submitter reads it before confirming (page and REST
``@einreichen``), StA 11 finds the Antrag in „Meine Aufgaben“ with
„Leitung fehlt“, the Übersicht, its CSV and the report flag it, and naming
a head through StA 11's own service ends it. FB 10 (with a head) sees none
of it. The mail to StA 11: tests/workflow/test_leitung_fehlt.py."""

from stadtdo.sozialnetz.demo import demo_password
import csv
import io
import pytest
import transaction


HINWEIS = "Leitung fehlt: Ihr Fachbereich hat keine Fachbereichsleitung"


def _session(request_factory, userid):
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def _pfad(antrag):
    return f"soziale-netzwerke/{antrag.aq_parent.getId()}/{antrag.getId()}"


def _seite(browser_as, userid, url):
    transaction.commit()
    browser = browser_as(userid)
    browser.open(url)
    assert browser.headers["status"].startswith("200"), browser.headers["status"]
    return browser


def _zeile(html, antragsnummer):
    """The table row of ``antragsnummer`` in a listing page."""
    return html.split(f">{antragsnummer}</a>", 1)[1].split("</tr>", 1)[0]


@pytest.fixture
def entwurf50(fb50, make_antrag, add_person):
    antrag = make_antrag(container=fb50, userid="mitarbeiter50")
    add_person(antrag, userid="mitarbeiter50")
    transaction.commit()
    return antrag


@pytest.fixture
def eingereicht50(entwurf50, browser_as):
    """Submitted through the confirmation page."""
    browser = _seite(
        browser_as, "mitarbeiter50", entwurf50.absolute_url() + "/@@einreichen"
    )
    browser.getControl(name="form.buttons.confirm").click()
    assert "eingereicht" in browser.contents
    return entwurf50


def test_the_confirmation_page_warns_before_submitting(entwurf50, browser_as):
    browser = _seite(
        browser_as, "mitarbeiter50", entwurf50.absolute_url() + "/@@einreichen"
    )
    assert HINWEIS in browser.contents
    assert "StA 11" in browser.contents.split(HINWEIS, 1)[1].split("</p>", 1)[0]
    # a note, not a block: the confirmation is still offered
    assert browser.getControl(name="form.buttons.confirm")


def test_rest_names_the_same_note_and_still_allows_it(entwurf50, request_factory):
    antwort = _session(request_factory, "mitarbeiter50").get(
        _pfad(entwurf50) + "/@einreichen"
    )
    assert antwort.status_code == 200, antwort.text
    data = antwort.json()
    assert data["einreichbar"] is True
    assert data["hindernisse"] == []
    (hinweis,) = data["hinweise"]
    assert hinweis.startswith(HINWEIS)


def test_a_department_with_a_head_gets_no_note(make_antrag, add_person, browser_as):
    antrag = make_antrag()
    add_person(antrag)
    browser = _seite(browser_as, "mitarbeiter", antrag.absolute_url() + "/@@einreichen")
    assert "Leitung fehlt" not in browser.contents
    assert browser.getControl(name="form.buttons.confirm")


def test_rest_gives_no_note_for_a_department_with_a_head(
    make_antrag, add_person, request_factory
):
    antrag = make_antrag()
    add_person(antrag)
    transaction.commit()
    data = _session(request_factory, "mitarbeiter").get(_pfad(antrag) + "/@einreichen")
    assert data.json()["hinweise"] == []


def test_sta11_has_it_in_meine_aufgaben_with_the_reason(
    eingereicht50, antrag_in, browser_as, datenbank
):
    mit_leitung = antrag_in("genehmigung_fbl")
    seite = _seite(
        browser_as, "sta11", datenbank.absolute_url() + "/@@meine-aufgaben"
    ).contents
    assert "Leitung fehlt" in _zeile(seite, eingereicht50.antragsnummer)
    assert f">{mit_leitung.antragsnummer}</a>" not in seite


def test_the_antrag_page_says_so(eingereicht50, browser_as):
    seite = _seite(browser_as, "mitarbeiter50", eingereicht50.absolute_url()).contents
    assert 'class="alert alert-danger sn-leitung-fehlt"' in seite
    assert "Genehmigung durch eine zweite Person nötig" not in seite
    assert "Frist der Fachbereichsleitung:" in seite


def test_the_uebersicht_and_its_csv_flag_it(
    eingereicht50, antrag_in, browser_as, datenbank
):
    mit_leitung = antrag_in("genehmigung_fbl")
    seite = _seite(browser_as, "poa", datenbank.absolute_url() + "/@@uebersicht")
    assert "sn-leitung-fehlt" in _zeile(seite.contents, eingereicht50.antragsnummer)
    assert "sn-leitung-fehlt" not in _zeile(seite.contents, mit_leitung.antragsnummer)
    seite.open(datenbank.absolute_url() + "/@@uebersicht-export")
    rows = list(csv.reader(io.StringIO(seite.contents.lstrip("\ufeff")), delimiter=";"))
    spalte = rows[0].index("Leitung fehlt")
    werte = {row[0]: row[spalte] for row in rows[1:]}
    assert werte[eingereicht50.antragsnummer] == "ja"
    assert werte[mit_leitung.antragsnummer] == ""


def test_the_report_warns(eingereicht50, antrag_in, request_factory):
    mit_leitung = antrag_in("genehmigung_fbl")
    transaction.commit()
    report = _session(request_factory, "poa").get(
        "soziale-netzwerke/@sozialnetz-report"
    )
    zeilen = {z["antragsnummer"]: z for z in report.json()["offene_antraege"]}
    assert zeilen[eingereicht50.antragsnummer]["warnungen"] == ["leitung_fehlt"]
    assert zeilen[mit_leitung.antragsnummer]["warnungen"] == []
    assert zeilen[eingereicht50.antragsnummer]["fristen"]["fbl"]


def test_sta11_naming_a_head_ends_the_task(eingereicht50, request_factory, browser_as):
    antwort = _session(request_factory, "sta11").post(
        "soziale-netzwerke/@rechte-mitglieder",
        json={
            "gruppe": "fb-50-leitung",
            "benutzer": "stellvertretung",
            "mitglied": True,
        },
    )
    assert antwort.status_code == 200, antwort.text
    aufgaben = _seite(
        browser_as,
        "sta11",
        eingereicht50.aq_parent.aq_parent.absolute_url() + "/@@meine-aufgaben",
    ).contents
    assert f">{eingereicht50.antragsnummer}</a>" not in aufgaben
    aufgaben = _seite(
        browser_as,
        "stellvertretung",
        eingereicht50.aq_parent.aq_parent.absolute_url() + "/@@meine-aufgaben",
    ).contents
    assert "sn-leitung-fehlt" not in _zeile(aufgaben, eingereicht50.antragsnummer)
