"""The Antrag view: sections, Kurzansicht, history, and the actions of each user."""

from plone import api
import transaction


def _open(browser_as, userid, antrag):
    transaction.commit()
    browser = browser_as(userid)
    browser.open(antrag.absolute_url())
    return browser


def test_view_shows_header_sections_persons_and_vote_table(browser_as, antrag_in):
    antrag = antrag_in("beteiligung")
    html = _open(browser_as, "dsfachkraft", antrag).contents
    for text in (
        antrag.antragsnummer,
        "FB 10 – Bürgerdienste",
        "Mia Mitarbeiterin (FB 10)",
        "1. Soziales Netzwerk",
        "2. Checkliste",
        "2.4 Zuständige Personen",
        "Mustermann, Erika",
        "3. Begründung",
        "5. Bisherige Anträge",
        "Kurzansicht der Voten",
        "Verlauf",
    ):
        assert text in html, text
    table = html[html.index('class="table table-bordered text-center sn-voten"') :]
    table = table[: table.index("</table>")]
    assert [
        h in table
        for h in ("FB 3", "Datenschutz", "Personalrat", "FB 11", "IT-Sicherheit")
    ] == [True] * 5
    assert "Ihre Aktionen" not in html  # the specialist only reads


def test_head_approves_from_the_view(browser_as, antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    browser = _open(browser_as, "leitung", antrag)
    browser.getControl(name="kommentar", index=0).value = "Einverstanden"
    browser.getControl("Genehmigen", index=1).click()
    assert "Der Schritt wurde ausgeführt." in browser.contents
    transaction.begin()
    assert api.content.get_state(antrag) == "stellungnahme_agentur"


def test_sending_back_needs_a_comment(browser_as, antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    browser = _open(browser_as, "leitung", antrag)
    browser.getControl("Zurückweisen", index=1).click()
    assert "Bitte begründen Sie die Zurückweisung im Kommentar." in browser.contents
    transaction.begin()
    assert api.content.get_state(antrag) == "genehmigung_fbl"


def test_body_votes_from_the_view(browser_as, antrag_in):
    antrag = antrag_in("beteiligung")
    browser = _open(browser_as, "personalrat", antrag)
    assert "Abstimmen" in browser.contents
    browser.getControl(name="votum").value = ["rueckfrage"]
    browser.getControl(name="kommentar").value = "Wer vertritt im Urlaub?"
    browser.getControl("Votum speichern").click()
    assert "Ihr Votum wurde gespeichert." in browser.contents
    assert "offene Rückfrage" in browser.contents


def test_refused_vote_shows_german_message(browser_as, antrag_in):
    antrag = antrag_in("beteiligung")
    browser = _open(browser_as, "personalrat", antrag)
    browser.getControl(name="votum").value = ["nein"]
    browser.getControl("Votum speichern").click()
    assert (
        "Bitte begründen Sie ein „Nein“ oder Ihre Rückfrage im Kommentar."
        in browser.contents
    )


def test_fb_answers_rueckfrage_and_reapplies(browser_as, antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "poa", "poa", "rueckfrage", "Schulung wann?")
    browser = _open(browser_as, "mitarbeiter", antrag)
    browser.getControl(name="kommentar", index=0).value = "Im März."
    browser.getControl("Antwort senden").click()
    assert "Ihre Antwort wurde gespeichert." in browser.contents
    browser.getControl("Antrag erneut stellen").click()
    assert "Hinweis: Es handelt sich um einen erneuten Antrag!" in browser.contents
    assert antrag.antragsnummer in browser.contents  # under 5. Bisherige Anträge


def test_versions_can_be_compared(browser_as, antrag_in):
    antrag = antrag_in("genehmigt")
    browser = _open(browser_as, "personalrat", antrag)
    browser.getLink("Gespeicherte Versionen vergleichen").click()
    assert "Gespeicherte Versionen, neueste zuerst" in browser.contents
    browser.getLink("mit aktuellem Stand vergleichen", index=0).click()
    assert "Keine Unterschiede in den Angaben des Antrags." in browser.contents
