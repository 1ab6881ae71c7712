"""Adding an Antrag with two Persons and an Anlage through the web forms,
and the German messages for bad input next to the field."""

from plone import api
import io
import transaction


def _fill_antrag(browser, **overrides):
    values = {
        "form.widgets.plattform:list": ["instagram"],
        "form.widgets.auftrittsart:list": ["profil"],
        "form.widgets.kontoname": "@dortmund_web",
        "form.widgets.ziele_zielgruppe": "Junge Menschen informieren",
        "form.widgets.themen_redaktionsplan": "Zwei Beiträge pro Woche",
        "form.widgets.moderation": "werktäglich",
        "form.widgets.vertretung": "gegenseitig",
        "form.widgets.impressum_url": "https://www.dortmund.de/impressum",
        "form.widgets.datenschutzerklaerung_url": "https://www.dortmund.de/datenschutz",
        "form.widgets.schulung": "im März",
        "form.widgets.begruendung_produktwahl": "Die Zielgruppe ist dort.",
    }
    values.update(overrides)
    for name, value in values.items():
        browser.getControl(name=name).value = value
    for name in (
        "pflege_in_arbeitszeit",
        "offizieller_auftritt",
        "verhaltensregeln_ausgehaendigt",
        "pseudonym_moeglich",
    ):
        browser.getControl(name=f"form.widgets.{name}").value = ["true"]


def _fill_person(browser, vorname, email="erika@stadtdo.de", einwilligung=True):
    browser.getControl(name="form.widgets.nachname").value = "Mustermann"
    browser.getControl(name="form.widgets.vorname").value = vorname
    browser.getControl(name="form.widgets.email").value = email
    browser.getControl(name="form.widgets.funktion:list").value = ["redaktion"]
    browser.getControl(name="form.widgets.rechte_aufgaben").value = "Beiträge"
    browser.getControl(name="form.widgets.einwilligung:list").value = (
        ["selected"] if einwilligung else []
    )
    browser.getControl(name="form.widgets.einwilligung_datum").value = "2026-01-15"
    browser.getControl(name="form.widgets.schulung_status").value = ["durchgefuehrt"]
    browser.getControl(name="form.widgets.taetigkeit_von").value = "2026-02-01"


def test_mitarbeiter_adds_antrag_with_two_persons_and_anlage(browser_as, portal):
    browser = browser_as("mitarbeiter")
    browser.open(portal.absolute_url() + "/soziale-netzwerke/fb-10/++add++Antrag")
    assert "1. Soziales Netzwerk" in browser.contents
    assert "2. Checkliste" in browser.contents
    _fill_antrag(browser)
    browser.getControl(name="form.buttons.save").click()
    antrag_url = browser.url.rstrip("/").removesuffix("/view")
    assert antrag_url.split("/")[-1].startswith("sn-"), browser.url

    for vorname in ("Erika", "Hans"):
        browser.open(antrag_url + "/++add++Person")
        _fill_person(browser, vorname)
        browser.getControl(name="form.buttons.save").click()
        assert "/person" in browser.url, browser.contents[:2000]

    browser.open(antrag_url + "/++add++Anlage")
    browser.getControl(name="form.widgets.title").value = "Konzept"
    browser.getControl(name="form.widgets.file").add_file(
        io.BytesIO(b"%PDF-1.4\nRedaktionskonzept"), "application/pdf", "konzept.pdf"
    )
    browser.getControl(name="form.buttons.save").click()

    transaction.begin()
    antrag = portal.unrestrictedTraverse(
        antrag_url.replace(portal.absolute_url() + "/", "")
    )
    types = sorted(obj.portal_type for obj in antrag.objectValues())
    assert types == ["Anlage", "Person", "Person"]
    assert antrag.antragsteller == "mitarbeiter"
    assert antrag.fachbereich == "FB 10 – Bürgerdienste"


def test_other_department_gets_no_add_form(browser_as, portal):
    browser = browser_as("mitarbeiter50")
    browser.open(portal.absolute_url() + "/soziale-netzwerke/fb-10/++add++Antrag")
    assert browser.url.endswith("/insufficient-privileges")
    assert "Unzureichende Berechtigungen" in browser.contents
    assert 'name="form.buttons.save"' not in browser.contents


def test_sonstige_without_name_shows_message_next_to_field(browser_as, portal):
    browser = browser_as("mitarbeiter")
    browser.open(portal.absolute_url() + "/soziale-netzwerke/fb-10/++add++Antrag")
    _fill_antrag(browser, **{"form.widgets.plattform:list": ["sonstige"]})
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    field = html.index('id="formfield-form-widgets-plattform_sonstige"')
    message = html.index("Bitte nennen Sie die Plattform")
    assert field < message < html.index('id="formfield-form-widgets-auftrittsart"')
    transaction.begin()
    assert len(portal["soziale-netzwerke"]["fb-10"].objectIds()) == 0


def test_bad_email_and_missing_consent_show_german_messages(
    browser_as, antrag_in, portal
):
    antrag = antrag_in("entwurf")
    transaction.commit()
    browser = browser_as("mitarbeiter")
    browser.open(antrag.absolute_url() + "/++add++Person")
    _fill_person(browser, "Otto", email="kein-at-zeichen", einwilligung=False)
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    assert "Die Aufgabe kann nur freiwillig mit Einwilligung" in html
    email_field = html.index('id="formfield-form-widgets-email"')
    assert html.index("Die angegebene E-Mail ist ungültig.") > email_field
    transaction.begin()
    assert [o.Title() for o in antrag.objectValues()] == ["Erika Mustermann"]


def test_einreichen_asks_for_confirmation(browser_as, antrag_in, portal):
    antrag = antrag_in("entwurf")
    transaction.commit()
    browser = browser_as("mitarbeiter")
    browser.open(antrag.absolute_url() + "/@@einreichen")
    assert "Eine Änderung der Einträge ist dann nicht mehr möglich" in browser.contents
    transaction.begin()
    assert api.content.get_state(antrag) == "entwurf"
    browser.getControl(name="form.buttons.confirm").click()
    transaction.begin()
    assert api.content.get_state(antrag) == "genehmigung_fbl"


def test_einreichen_shows_what_is_missing(browser_as, make_antrag, portal):
    antrag = make_antrag()
    transaction.commit()
    browser = browser_as("mitarbeiter")
    browser.open(antrag.absolute_url() + "/@@einreichen")
    assert "keine zuständige Person benannt" in browser.contents
    assert 'name="form.buttons.confirm"' not in browser.contents


def test_add_form_asks_for_a_platform_and_hides_the_versioning_switch(
    browser_as, portal
):
    browser = browser_as("mitarbeiter")
    browser.open(portal.absolute_url() + "/soziale-netzwerke/fb-10/++add++Antrag")
    assert "– bitte wählen –" in browser.contents
    assert "versioning_enabled" not in browser.contents
    assert "changeNote" not in browser.contents
    _fill_antrag(browser, **{"form.widgets.plattform:list": ["--NOVALUE--"]})
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    field = html.index('id="formfield-form-widgets-plattform"')
    assert html.index("Erforderliche Eingabe fehlt.") > field
