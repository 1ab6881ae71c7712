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


def test_view_shows_section_4_with_the_heads_decision(browser_as, antrag_in):
    antrag = antrag_in("zurueckgewiesen")
    transaction.commit()
    browser = browser_as("mitarbeiter")
    browser.open(antrag.absolute_url())
    abschnitt = browser.contents.split("4. Genehmigung durch Vorgesetzte*n")[1]
    abschnitt = abschnitt.split("</section>")[0]
    assert "zurückgewiesen" in abschnitt
    assert "Bitte überarbeiten." in abschnitt
    assert "Zurückgewiesen" in browser.contents  # the state
    assert (
        "Bearbeiten" not in browser.contents.split('id="sn-aktionen-titel"')[-1][:2000]
    )


def test_predecessor_shows_the_pending_change(browser_as, antrag_in, transition):
    from plone import api
    from stadtdo.sozialnetz.verfahren import schritte

    alt = antrag_in("genehmigt")
    with api.env.adopt_user(username="mitarbeiter"):
        neu = schritte.erneut_stellen(alt)
    transition(neu, "einreichen", "mitarbeiter")
    transaction.commit()
    browser = browser_as("personalrat")
    browser.open(alt.absolute_url())
    notice = browser.contents.split("sn-aenderung-beantragt")[1].split("</div>")[0]
    assert neu.antragsnummer in notice
    assert "bleibt in Kraft" in notice


def test_toolbar_zurueckweisen_leads_to_the_reason_field(browser_as, antrag_in):
    antrag = antrag_in("genehmigung_fbl")
    transaction.commit()
    browser = browser_as("leitung")
    browser.open(antrag.absolute_url())
    assert f"{antrag.absolute_url()}/view#kommentar-zurueckweisen" in browser.contents
    assert 'id="kommentar-zurueckweisen"' in browser.contents
