"""``@@benachrichtigungen`` in Chromium as a reviewer (Datenschutz): reached
from the personal menu, saved with the form, WCAG 2.1 AA over the whole
document (toolbar, header and footer included) – no violation, before and
after saving (with the status message)."""

from stadtdo.sozialnetz.notifications import praeferenzen
import pytest
import transaction


pytestmark = pytest.mark.browser


def test_preferences_page_as_reviewer(actor, portal):
    reviewer = actor("datenschutz")
    page = reviewer.open(portal.absolute_url() + "/soziale-netzwerke/@@meine-aufgaben")
    # the personal menu links the page
    link = page.locator("a[href$='/@@benachrichtigungen']")
    assert link.count() >= 1
    page = reviewer.open(portal.absolute_url() + "/@@benachrichtigungen")
    assert page.locator("h1").inner_text() == "Meine Benachrichtigungen"
    assert page.locator("fieldset legend").all_inner_texts() == [
        "Datenschutzbeauftragte*r"
    ]
    assert page.is_checked("#sn-modus-datenschutz-sofort")
    assert reviewer.axe_violations() == []

    page.get_by_label("Eine tägliche Übersicht").check()
    with page.expect_navigation():
        page.click("button[name='speichern']")
    assert "Ihre Benachrichtigungen wurden gespeichert." in page.inner_text("body")
    assert page.is_checked("#sn-modus-datenschutz-taeglich")
    assert reviewer.axe_violations() == []
    reviewer.screenshot("benachrichtigungen")
    transaction.begin()
    assert praeferenzen.praeferenzen("datenschutz") == {"datenschutz": "taeglich"}
