"""The rows of Übersicht and Meine Aufgaben (``uebersicht_zeilen.pt``,
rendered by Chameleon's compiled expressions): every cell and badge of
``UebersichtView.zeile``, in German and in English."""

from DateTime import DateTime
from datetime import date
from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
import pytest
import re
import transaction


def _eintritt_am(antrag, state, tag):
    history = list(antrag.workflow_history[WORKFLOW])
    for i, entry in enumerate(history):
        if entry.get("review_state") == state:
            history[i] = dict(entry, time=DateTime(f"{tag.isoformat()} 12:00"))
    antrag.workflow_history[WORKFLOW] = tuple(history)
    antrag.reindexObject()


def _zeilen(html):
    """``{antragsnummer: cells}`` of the table, each cell its text with
    whitespace collapsed, and the cells' classes."""
    tbody = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    result = {}
    for tr in tbody.split("<tr>")[1:]:
        zellen = re.findall(r"<td([^>]*)>(.*?)</td>", tr, re.S)
        texte = [
            " ".join(re.sub(r"<[^>]+>", " ", inhalt).split()) for _, inhalt in zellen
        ]
        klassen = [re.findall(r'class="([^"]*)"', attr) for attr, _ in zellen]
        nummer = re.search(r">(SN-[0-9-]+)</a>", tr).group(1)
        result[nummer] = {"texte": texte, "klassen": klassen, "html": tr}
    return result


def _seite(browser_as, userid, url, sprache="de"):
    transaction.commit()
    browser = browser_as(userid)
    browser.addHeader("Accept-Language", sprache)
    browser.open(url)
    return browser.contents


@pytest.fixture
def mit_allen_marken(antrag_im_zustand_fuer, antrag_in, transition):
    """An Antrag in ``beteiligung`` with an open Rückfrage of the Personalrat
    and an overdue deadline, a re-application of an approved account (which
    has fewer than two persons and a change requested)."""
    rueckfrage = antrag_im_zustand_fuer("rueckfrage_beantworten")
    _eintritt_am(rueckfrage, "beteiligung", date(2026, 6, 1))  # due 16 June
    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    return rueckfrage, alt, neu


def test_rows_show_every_cell_and_badge(mit_allen_marken, browser_as, datenbank):
    rueckfrage, alt, neu = mit_allen_marken
    zeilen = _zeilen(
        _seite(browser_as, "poa", datenbank.absolute_url() + "/@@uebersicht")
    )
    assert set(zeilen) == {
        rueckfrage.antragsnummer,
        alt.antragsnummer,
        neu.antragsnummer,
    }
    heute = date.today().strftime("%d.%m.%Y")
    zeile = zeilen[rueckfrage.antragsnummer]
    assert zeile["texte"] == [
        rueckfrage.antragsnummer,
        "FB 10 – Bürgerdienste",
        "Instagram",
        rueckfrage.kontoname,
        "Beteiligungsverfahren",
        "Ja",
        "offen",
        "Rückfrage Rückfrage offen",
        "offen",
        "offen",
        "16.06.2026 überfällig",
        heute,
    ]
    assert zeile["klassen"][5:11] == [
        ["sn-votum sn-votum-ja"],
        ["sn-votum sn-votum-offen"],
        ["sn-votum sn-votum-rueckfrage"],
        ["sn-votum sn-votum-offen"],
        ["sn-votum sn-votum-offen"],
        ["sn-frist"],
    ]
    assert f'href="{rueckfrage.absolute_url()}"' in zeile["html"]
    zeile = zeilen[alt.antragsnummer]
    assert zeile["texte"][0] == (
        f"{alt.antragsnummer} weniger als zwei Personen "
        f"Änderung beantragt: {neu.antragsnummer}"
    )
    assert zeile["texte"][4] == "Genehmigt"
    assert zeilen[neu.antragsnummer]["texte"][0] == f"{neu.antragsnummer} erneut"


def test_rows_in_english(mit_allen_marken, browser_as, datenbank):
    rueckfrage, alt, neu = mit_allen_marken
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    zeilen = _zeilen(
        _seite(browser_as, "poa", datenbank.absolute_url() + "/@@uebersicht", "en")
    )
    texte = zeilen[rueckfrage.antragsnummer]["texte"]
    assert texte[4] == "Participation procedure"
    assert texte[7] == "Query query open"
    assert "overdue" in texte[10]
    assert "fewer than two persons" in zeilen[alt.antragsnummer]["texte"][0]
    assert "Change requested:" in zeilen[alt.antragsnummer]["texte"][0]
    assert "re-applied" in zeilen[neu.antragsnummer]["texte"][0]


def test_meine_aufgaben_rows_match_zeile(mit_allen_marken, browser_as, datenbank):
    """Every row of the page shows what ``UebersichtView.zeile`` gives for it."""
    from stadtdo.sozialnetz.browser.uebersicht import MeineAufgabenView

    html = _seite(browser_as, "poa", datenbank.absolute_url() + "/@@meine-aufgaben")
    zeilen = _zeilen(html)
    request = datenbank.REQUEST
    request.form.clear()
    with api.env.adopt_user(username="poa"):
        view = MeineAufgabenView(datenbank, request)
        view.__name__ = "meine-aufgaben"
        erwartet = list(view.zeilen(view.batch()))
    assert [z["antragsnummer"] for z in erwartet] == list(zeilen)
    assert erwartet  # the Rückfrage waits on nobody of the POA, the votes do
    for z in erwartet:
        texte = zeilen[z["antragsnummer"]]["texte"]
        assert texte[1:5] == [z["fachbereich"], z["plattform"], z["konto"], z["status"]]
        assert [t.split(" Rückfrage offen")[0] for t in texte[5:10]] == [
            v["titel"] for v in z["voten"]
        ]
        assert texte[10].startswith(z["frist"]) and texte[11] == z["geaendert"]


def test_row_text_is_escaped(make_antrag, browser_as, datenbank):
    antrag = make_antrag(kontoname='<script>alert("x")</script>')
    zeile = _zeilen(
        _seite(browser_as, "mitarbeiter", datenbank.absolute_url() + "/@@uebersicht")
    )[antrag.antragsnummer]["html"]
    assert "<script>" not in zeile
    assert "&lt;script&gt;alert(" in zeile
