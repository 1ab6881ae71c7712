"""The whole Beteiligungsprozess clicked through in Chromium by the demo
actors: bad form entry, confirmation dialog, refused access, votes, overview
filters and CSV export – with WCAG 2.1 AA checks (axe-core) on each page."""

from pathlib import Path
from playwright.sync_api import expect
from plone import api
import csv
import io
import pytest
import transaction


pytestmark = pytest.mark.browser


def _fill_antrag(page, kontoname="@dortmund_buergerdienste"):
    page.select_option("select[name='form.widgets.plattform:list']", "instagram")
    page.select_option("select[name='form.widgets.auftrittsart:list']", "profil")
    page.fill("input[name='form.widgets.kontoname']", kontoname)
    page.click("text=2. Checkliste")
    for name, text in (
        ("ziele_zielgruppe", "Junge Menschen über Termine informieren"),
        ("themen_redaktionsplan", "Zwei Beiträge pro Woche"),
        ("moderation", "Werktäglich; Hassrede wird gelöscht"),
        ("vertretung", "Zwei Redakteurinnen vertreten sich"),
        ("schulung", "Schulung im März"),
    ):
        page.fill(f"textarea[name='form.widgets.{name}']", text)
    page.fill(
        "input[name='form.widgets.impressum_url']", "https://www.dortmund.de/impressum"
    )
    page.fill(
        "input[name='form.widgets.datenschutzerklaerung_url']",
        "https://www.dortmund.de/datenschutz",
    )
    for name in (
        "pflege_in_arbeitszeit",
        "offizieller_auftritt",
        "verhaltensregeln_ausgehaendigt",
        "pseudonym_moeglich",
    ):
        page.check(f"input[name='form.widgets.{name}'][value='true']")
    page.click("text=3. Begründung")
    page.fill(
        "textarea[name='form.widgets.begruendung_produktwahl']",
        "Die Zielgruppe ist dort.",
    )


def _fill_person(page, vorname):
    page.fill("input[name='form.widgets.nachname']", "Mustermann")
    page.fill("input[name='form.widgets.vorname']", vorname)
    page.fill(
        "input[name='form.widgets.email']", f"{vorname.lower()}.mustermann@stadtdo.de"
    )
    page.select_option("select[name='form.widgets.funktion:list']", "redaktion")
    page.fill("textarea[name='form.widgets.rechte_aufgaben']", "Beiträge erstellen")
    page.check("input[name='form.widgets.einwilligung:list']")
    page.fill("input[name='form.widgets.einwilligung_datum']", "2026-01-15")
    page.check("input[name='form.widgets.schulung_status'][value='durchgefuehrt']")
    page.fill("input[name='form.widgets.taetigkeit_von']", "2026-02-01")


def _vote(actor, url, votum, kommentar=""):
    page = actor.open(url)
    page.select_option("select[name='votum']", votum)
    page.fill("textarea[name='kommentar']", kommentar)
    page.click("button:has-text('Votum speichern')")
    expect(page.locator("text=Ihr Votum wurde gespeichert.")).to_be_visible()
    return page


def test_whole_path_in_the_browser(smtp, actor, portal):
    datenbank_url = portal.absolute_url() + "/soziale-netzwerke"
    problems = {}

    # Mitarbeiterin: a bad entry first, then a complete Antrag
    mitarbeiter = actor("mitarbeiter")
    page = mitarbeiter.open(datenbank_url + "/fb-10/++add++Antrag")
    problems["Antrag hinzufügen"] = mitarbeiter.axe_violations()
    _fill_antrag(page, kontoname="")
    page.click("text=1. Soziales Netzwerk")
    # the form checks in the browser already: message at the field (in the
    # browser's own language), no saving
    message = page.locator("#formfield-form-widgets-kontoname .invalid-feedback")
    expect(message).not_to_be_empty()
    expect(page.locator("button[name='form.buttons.save']")).to_be_disabled()
    page.fill("input[name='form.widgets.kontoname']", "@dortmund_buergerdienste")
    with page.expect_navigation():
        page.click("button[name='form.buttons.save']")
    antrag_url = page.url.split("/view")[0].rstrip("/")
    assert "sn-" in antrag_url

    for vorname in ("Erika", "Hans"):
        page = mitarbeiter.open(antrag_url)
        page.click("text=Personendaten erstellen")
        _fill_person(page, vorname)
        with page.expect_navigation():
            page.click("button[name='form.buttons.save']")
        expect(page.locator(f"text={vorname} Mustermann").first).to_be_visible()

    # einreichen asks for confirmation
    page = mitarbeiter.open(antrag_url)
    problems["Antrag (Entwurf)"] = mitarbeiter.axe_violations()
    page.click(".sn-aktionen a:has-text('Einreichen')")
    expect(
        page.locator("text=Eine Änderung der Einträge ist dann nicht mehr möglich")
    ).to_be_visible()
    problems["Einreichen bestätigen"] = mitarbeiter.axe_violations()
    page.click("button:has-text('Ja, einreichen')")
    expect(page.locator("text=Der Antrag wurde eingereicht")).to_be_visible()
    expect(page.locator(".sn-aktionen a:has-text('Bearbeiten')")).to_have_count(
        0
    )  # frozen

    # another department is refused
    andere = actor("mitarbeiter50")
    page = andere.open(antrag_url)
    expect(page.locator("h1:has-text('Unzureichende Berechtigungen')")).to_be_visible()

    # head of department finds it under "Meine Aufgaben" and approves
    leitung = actor("leitung")
    page = leitung.open(datenbank_url + "/@@meine-aufgaben")
    problems["Meine Aufgaben"] = leitung.axe_violations()
    page.click(f"a:has-text('{antrag_url.rsplit('/', 1)[-1].upper()}')")
    page.click(".sn-aktionen button:has-text('Genehmigen')")
    expect(page.locator("text=Der Schritt wurde ausgeführt.")).to_be_visible()

    # agency statement, then POA and Personalrat
    _vote(actor("agentur"), antrag_url, "ja", "Beratung am 3. November")
    poa = actor("poa")
    page = _vote(poa, antrag_url, "ja")
    problems["Antrag (Beteiligung)"] = poa.axe_violations()
    page = _vote(actor("personalrat"), antrag_url, "ja", "Zustimmung")
    kurzansicht = page.locator("table.sn-voten").inner_text()
    assert kurzansicht.count("Ja") == 3
    expect(page.locator(".sn-kopfdaten dd:has-text('Genehmigt')")).to_have_count(1)

    # overview: filter and CSV export
    page = poa.open(datenbank_url)
    page.select_option("#sn-status", "genehmigt")
    page.click("button:has-text('Filtern')")
    expect(page.locator("table.sn-uebersicht tbody tr")).to_have_count(1)
    problems["Übersicht"] = poa.axe_violations()
    poa.screenshot("uebersicht")
    with page.expect_download() as download_info:
        page.click("text=Als CSV herunterladen")
    content = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert len(table) == 2 and table[1][4] == "Genehmigt"

    # staff report an incident from the Antrag (DV § 5)
    page = mitarbeiter.open(antrag_url)
    with page.expect_navigation():
        page.click(".sn-vorfall a:has-text('Vorfall melden')")
    expect(page.locator("input[name='form.widgets.auftritt']")).to_have_value(
        antrag_url.rsplit("/", 1)[-1].upper()
    )
    problems["Vorfall melden"] = mitarbeiter.axe_violations()
    page.fill("input[name='form.widgets.datum']", "2026-11-20")
    page.select_option("select[name='form.widgets.art:list']", "Bedrohung")
    page.fill("textarea[name='form.widgets.beschreibung']", "Drohung im Kommentar.")
    with page.expect_navigation():
        page.click("button:has-text('Meldung absenden')")
    expect(page.locator("text=Vielen Dank für Ihre Meldung")).to_be_visible()
    assert smtp.to("Meldung eines Vorfalls") == ["sicherheitskonzept@stadtdo.example"]

    transaction.begin()
    antrag = portal.unrestrictedTraverse(
        antrag_url.split(portal.absolute_url() + "/")[1]
    )
    assert api.content.get_state(antrag) == "genehmigt"
    assert [p.vorname for p in antrag.objectValues()] == ["Erika", "Hans"]

    assert {page: found for page, found in problems.items() if found} == {}
