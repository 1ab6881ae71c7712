"""The accessibility check itself must be able to fail (axe-core is loaded
and looks at the content area)."""

from tests.browser.conftest import AXE
from tests.browser.conftest import WCAG_21_AA
import pytest
import transaction


pytestmark = pytest.mark.browser


def test_axe_reports_a_missing_alt_text(actor, portal):
    poa = actor("poa")
    page = poa.open(portal.absolute_url() + "/soziale-netzwerke")
    assert poa.axe_violations("#content") == []
    page.evaluate(
        "document.querySelector('#content').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )
    assert any(v.startswith("image-alt") for v in poa.axe_violations("#content"))
    assert any(v.startswith("image-alt") for v in poa.axe_violations())


#: The pages each demo actor works with; each is checked as a whole document
#: (toolbar, header, breadcrumbs, footer included), with the toolbar open and
#: collapsed.
SEITEN = {
    "mitarbeiter": [
        "",
        "/soziale-netzwerke",
        "/soziale-netzwerke/@@meine-aufgaben",
        "{entwurf}",
        "{entwurf}/edit",
        "{entwurf}/@@einreichen",
        "/soziale-netzwerke/fb-10/++add++Antrag",
        "{entwurf}/++add++Person",
        "{antrag}",
        "{antrag}/@@versionen",
        "/soziale-netzwerke/vorfall-melden",
    ],
    "leitung": ["/soziale-netzwerke/@@meine-aufgaben", "{antrag}"],
    "dsfachkraft": ["{antrag}"],
    "agentur": ["{antrag}"],
    "datenschutz": ["{antrag}", "/soziale-netzwerke/@@rechte-protokoll"],
    "personalrat": ["/soziale-netzwerke/@@uebersicht?wartet=1", "{antrag}"],
    "poa": ["{antrag}"],
    "itsicherheit": ["{antrag}"],
    "sta11": [
        "/soziale-netzwerke/@@rechte-verwalten",
        "/soziale-netzwerke/@@rechte-protokoll",
    ],
    "mitarbeiter50": ["/soziale-netzwerke", "/offizielle-kanaele"],
}


@pytest.fixture
def antraege(antrag_in, portal):
    urls = {
        "entwurf": antrag_in("entwurf").absolute_url(),
        "antrag": antrag_in("beteiligung").absolute_url(),
    }
    transaction.commit()
    return urls


@pytest.mark.parametrize("userid", sorted(SEITEN))
def test_every_page_of_every_actor_has_no_violations(actor, portal, antraege, userid):
    person = actor(userid)
    problems = {}
    for toolbar in ("offen", "eingeklappt"):
        for seite in SEITEN[userid]:
            url = seite.format(**antraege)
            if not url.startswith("http"):
                url = portal.absolute_url() + url
            response = person.page.goto(url)
            assert response.status == 200, url
            page = person.page
            page.wait_for_load_state("networkidle")
            found = person.axe_violations()
            if found:
                problems[f"{url} (Werkzeugleiste {toolbar})"] = found
        person.page.evaluate(
            "localStorage.setItem('plone-toolbar', JSON.stringify({expanded: false}))"
        )
    assert not problems, problems


def test_login_page_as_anonymous_has_no_violations(chromium, portal):
    context = chromium.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(portal.absolute_url() + "/login")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    context.close()
    assert [v["id"] for v in result["violations"]] == []
