"""The page of a re-application shows every reader – the bodies included –
what changed since the approved predecessor (Anlage 1 Nr. 3,
``verfahren.vergleich``)."""

from datetime import date
from plone import api
from stadtdo.sozialnetz.verfahren import schritte
import pytest
import transaction


@pytest.fixture
def genehmigt(antrag_in):
    return antrag_in("genehmigt")


def _erneut(antrag):
    with api.env.adopt_user(username="mitarbeiter"):
        return schritte.erneut_stellen(antrag)


def _abschnitt(browser_as, userid, antrag):
    transaction.commit()
    browser = browser_as(userid)
    browser.open(antrag.absolute_url())
    assert browser.headers["status"].startswith("200"), browser.headers["status"]
    html = browser.contents
    if 'class="mb-4 sn-vergleich"' not in html:
        return None
    abschnitt = html[html.index('class="mb-4 sn-vergleich"') :]
    # whitespace as a reader sees it
    return " ".join(abschnitt[: abschnitt.index("</section>")].split())


def test_gremium_sieht_die_aenderungen(browser_as, genehmigt, add_person, transition):
    neu = _erneut(genehmigt)
    (erika,) = [o for o in neu.objectValues() if o.portal_type == "Person"]
    with api.env.adopt_user(username="mitarbeiter"):
        neu.kontoname = "@stadtdortmund_neu"
        erika.taetigkeit_bis = date(2027, 12, 31)
    add_person(
        neu,
        vorname="Hans",
        nachname="Meier",
        email="hans.meier@stadtdo.de",
        funktion="moderation",
    )
    transition(neu, "einreichen", "mitarbeiter")
    abschnitt = _abschnitt(browser_as, "personalrat", neu)
    assert (
        "Änderungen gegenüber dem genehmigten Antrag "
        f'<a href="{genehmigt.absolute_url()}">{genehmigt.antragsnummer}</a>'
    ) in abschnitt
    for text in (
        "Geänderte Angaben des Antrags",
        '<th scope="row">Name des Kontos</th>',
        "<del>@stadtdortmund_buergerdienste</del>",
        "<ins>@stadtdortmund_neu</ins>",
        "Personen hinzugefügt",
        "Hans Meier",
        "(Moderator*in)",
        "Personen geändert",
        "<caption>Erika Mustermann</caption>",
        '<th scope="row">Aufgabe wahrgenommen bis</th>',
        "<del>(leer)</del>",
        "<ins>31.12.2027</ins>",
    ):
        assert text in abschnitt, text
    assert "keine Änderungen" not in abschnitt
    assert "Personen entfernt" not in abschnitt


def test_ohne_aenderung_keine_aenderungen(browser_as, genehmigt):
    neu = _erneut(genehmigt)
    abschnitt = _abschnitt(browser_as, "mitarbeiter", neu)
    assert "keine Änderungen" in abschnitt
    assert "<table" not in abschnitt


def test_antrag_ohne_vorgaenger_zeigt_nichts(browser_as, genehmigt):
    assert _abschnitt(browser_as, "personalrat", genehmigt) is None


def test_versionen_verweisen_auf_den_vergleich(browser_as, genehmigt):
    neu = _erneut(genehmigt)
    transaction.commit()
    browser = browser_as("mitarbeiter")
    browser.open(f"{neu.absolute_url()}/@@versionen")
    html = " ".join(browser.contents.split())
    assert (
        f'<a href="{neu.absolute_url()}#sn-vergleich-titel">Änderungen gegenüber '
        f"dem genehmigten Antrag {genehmigt.antragsnummer}</a>"
    ) in html
    browser.open(f"{genehmigt.absolute_url()}/@@versionen")
    assert "sn-vergleich-titel" not in browser.contents
