"""The public register page as anonymous in Chromium: WCAG 2.1 AA over the
whole document (Plone's header and footer included), not only #content:
no violation at all."""

from tests.browser.conftest import Actor
from tests.browser.conftest import AXE
from tests.browser.conftest import WCAG_21_AA
import pytest
import transaction


pytestmark = pytest.mark.browser


def axe_ganzes_dokument(page):
    """Every WCAG 2.1 AA violation of the whole document as
    ``(rule, selector, inside #content, html)``."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document,
                {runOnly: {type: 'tag', values: tags}});
            const content = document.querySelector('#content');
            return result.violations.flatMap(v => v.nodes.map(n => [
                v.id, n.target.join(' '),
                content.contains(document.querySelector(n.target[0])),
                n.html.slice(0, 120)]));
        }""",
        WCAG_21_AA,
    )


def _pruefen(page):
    """No violation anywhere in the document (the add-on's bundle fixes
    Barceloneta's contrast, see browser/static/sozialnetz.css)."""
    assert axe_ganzes_dokument(page) == []


@pytest.fixture
def anonym(chromium, functional_portal):
    transaction.commit()
    a = Actor(chromium, functional_portal.absolute_url(), None)
    yield a
    a.context.close()


@pytest.fixture
def genehmigt(antrag_in):
    antrag = antrag_in("genehmigt")
    transaction.commit()
    return antrag


def test_register_page_whole_document_has_no_violations(anonym, portal, genehmigt):
    page = anonym.open(portal.absolute_url() + "/offizielle-kanaele")
    assert page.locator("table.sn-register tbody tr").count() == 1
    _pruefen(page)


def test_search_result_whole_document_has_no_violations(anonym, portal, genehmigt):
    page = anonym.open(portal.absolute_url() + "/offizielle-kanaele")
    page.fill("#sn-register-q", "instagram.com/gibt-es-nicht")
    with page.expect_navigation():
        page.click(".sn-register-suche button[type=submit]")
    assert "Kein offizielles Konto" in page.inner_text("#content")
    _pruefen(page)


def test_the_check_sees_the_whole_document(anonym, portal, genehmigt):
    """A violation in Plone's header (outside #content) is found."""
    page = anonym.open(portal.absolute_url() + "/offizielle-kanaele")
    page.evaluate(
        "document.querySelector('header').insertAdjacentHTML('beforeend',"
        " '<img src=\"x.png\">')"
    )
    assert any(v[0] == "image-alt" and not v[2] for v in axe_ganzes_dokument(page))
