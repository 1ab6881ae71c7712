"""The assessment after the end of the process and the reason a decision
waits, on the Antrag's page (issue 23 item 1; the rule:
tests/workflow/test_nach_abschluss.py)."""

from tests.workflow.test_nach_abschluss import _antworten
from tests.workflow.test_nach_abschluss import _zeile
import transaction


def test_page_offers_ja_or_nein_after_the_end_and_records_it(
    browser_as, genehmigt_mit_rueckfrage
):
    antrag = genehmigt_mit_rueckfrage
    browser = browser_as("itsicherheit")
    browser.open(antrag.absolute_url())
    assert "Einschätzung nach Abschluss" in browser.contents
    form = browser.getForm(index=_formular(browser, "itsicherheit"))
    auswahl = form.getControl(name="votum")
    assert auswahl.options == ["ja", "nein"]
    assert (
        "endgueltig"
        not in browser.contents.split('value="itsicherheit"')[1].split("</form>")[0]
    )
    auswahl.value = ["ja"]
    form.submit()
    assert "Ihr Votum wurde gespeichert." in browser.contents
    assert "nach Abschluss" in browser.contents
    transaction.begin()
    assert _zeile(antrag, "itsicherheit")["nach_abschluss"] is True


def _formular(browser, gremium):
    """The index of the vote form of ``gremium`` on the page."""
    forms = browser.contents.split("<form")[1:]
    for index, form in enumerate(forms):
        if 'name="aktion"' in form and f'value="{gremium}"' in form:
            return index
    raise AssertionError(f"no vote form for {gremium}")


def test_page_says_kein_votum_and_why_the_decision_waits(browser_as, antrag_in, vote):
    antrag = antrag_in("beteiligung")
    vote(antrag, "datenschutz", "datenschutz", "rueckfrage", "Wer moderiert?")
    vote(antrag, "poa", "poa", "ja")
    vote(antrag, "personalrat", "personalrat", "ja")
    browser = browser_as("poa")
    browser.open(antrag.absolute_url())
    assert "Entschieden wird erst, wenn der Fachbereich die offene Rückfrage" in (
        browser.contents
    )
    assert "Datenschutz" in browser.contents.split("sn-entscheidung-wartet")[1]
    _antworten(antrag)
    browser = browser_as("poa")
    browser.open(antrag.absolute_url())
    assert "sn-entscheidung-wartet" not in browser.contents
    assert "kein Votum" in browser.contents
