"""The DSB early on the Antrag's page (issue 23 item 5; the rule:
tests/datenschutz/test_fruehbeteiligung.py)."""

from stadtdo.sozialnetz.datenschutz import fruehbeteiligung
import transaction


def _form(browser, aktion):
    forms = browser.contents.split("<form")[1:]
    for index, form in enumerate(forms):
        if f'value="{aktion}"' in form:
            return browser.getForm(index=index)
    raise AssertionError(f"no form {aktion}")


def test_invitation_note_and_verlauf_on_the_page(browser_as, antrag_in):
    entwurf = antrag_in("entwurf")
    browser = browser_as("mitarbeiter")
    browser.open(entwurf.absolute_url())
    assert "Frühzeitige Beteiligung des Datenschutzes" in browser.contents
    assert "Der Datenschutz ist noch nicht beteiligt." in browser.contents
    _form(browser, "datenschutz_einladen").submit()
    assert "Der Datenschutz ist beteiligt" in browser.contents
    assert "Datenschutz frühzeitig beteiligen</button>" not in browser.contents

    dsb = browser_as("datenschutz")
    dsb.open(entwurf.absolute_url())
    assert dsb.headers["status"].startswith("200")
    form = _form(dsb, "datenschutz_hinweis")
    form.getControl(name="kommentar").value = "Bitte den Löschzeitraum nennen."
    form.submit()
    assert "Ihr Hinweis wurde gespeichert" in dsb.contents

    browser = browser_as("mitarbeiter")
    browser.open(entwurf.absolute_url())
    assert "Bitte den Löschzeitraum nennen." in browser.contents
    verlauf = browser.contents.split("sn-verlauf-titel")[-1]
    assert "Datenschutz frühzeitig beteiligt" in verlauf
    assert "Hinweis des Datenschutzes" in verlauf
    transaction.begin()
    assert entwurf.datenschutz_beteiligt is True
    assert len(fruehbeteiligung.stand(entwurf)["hinweise"]) == 1


def test_the_add_form_does_not_ask_for_it(browser_as, portal):
    browser = browser_as("mitarbeiter")
    browser.open(portal.absolute_url() + "/soziale-netzwerke/fb-10/++add++Antrag")
    assert "2. Checkliste" in browser.contents
    assert "datenschutz_beteiligt" not in browser.contents


def test_others_get_no_form(browser_as, antrag_in):
    entwurf = antrag_in("entwurf")
    browser = browser_as("leitung")
    browser.open(entwurf.absolute_url())
    assert 'value="datenschutz_einladen"' not in browser.contents
    assert 'value="datenschutz_hinweis"' not in browser.contents
