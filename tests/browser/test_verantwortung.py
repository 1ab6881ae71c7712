"""Offboarding in Chromium: the Antrag view with „Verantwortung klären“ as
the clerk (with „Verantwortung übertragen“) and as the head, and the
Übersicht filtered to it – WCAG 2.1 AA over the whole document, no
violation; the button leads to the pre-filled re-application's edit form."""

from plone import api
from tests.offboarding.conftest import konto  # noqa: F401 (fixture)
from tests.offboarding.conftest import RITA
from tests.offboarding.conftest import rita  # noqa: F401 (fixture)
import pytest
import transaction


pytestmark = pytest.mark.browser


@pytest.fixture
def markiert(konto):  # noqa: F811
    """An approved Antrag naming Rita Redakteurin, who left FB 10's groups."""
    antrag = konto()
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname="fb-10-mitarbeiter", username=RITA)
    transaction.commit()
    return antrag


@pytest.mark.parametrize("userid", ["mitarbeiter", "leitung"])
def test_notice_has_no_violations(actor, markiert, userid):
    person = actor(userid)
    page = person.open(markiert.absolute_url())
    page.wait_for_load_state("networkidle")
    notice = page.locator("section.sn-verantwortung")
    assert notice.is_visible()
    assert "Rita Redakteurin" in notice.inner_text()
    button = notice.get_by_role("button", name="Verantwortung übertragen")
    assert button.count() == (1 if userid == "mitarbeiter" else 0)
    assert person.axe_violations() == []


def test_uebersicht_filtered_has_no_violations(actor, markiert, portal):
    person = actor("leitung")
    page = person.open(
        portal.absolute_url() + "/soziale-netzwerke/@@uebersicht?verantwortung=1"
    )
    page.wait_for_load_state("networkidle")
    assert page.locator(".sn-verantwortung-klaeren").count() == 1
    assert person.axe_violations() == []


def test_transfer_leads_to_the_edit_form(actor, markiert):
    person = actor("mitarbeiter")
    page = person.open(markiert.absolute_url())
    with page.expect_navigation():
        page.get_by_role("button", name="Verantwortung übertragen").click()
    assert page.url.endswith("/edit")
    assert "ohne: Rita Redakteurin" in page.content()
    page.wait_for_load_state("networkidle")
    assert person.axe_violations() == []
