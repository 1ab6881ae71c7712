"""Browser tests: Playwright drives Debian's Chromium against the WSGI server
of the functional layer. ``make test`` installs Chromium and axe-core."""

from pathlib import Path
from playwright.sync_api import sync_playwright
from stadtdo.sozialnetz.demo import demo_password
import pytest
import transaction


CHROMIUM = "/usr/bin/chromium"
AXE = (
    Path(__file__).parents[2]
    / ".venv"
    / "axe"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
ARTIFACTS = Path(__file__).parents[2] / "test-results"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Chromium fehlt: `make browser-deps` (apt-get install chromium) ausführen."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=de-DE",
            ],
        )
        yield browser
        browser.close()


class Actor:
    """One demo user in their own browser context (cookies, login)."""

    def __init__(self, browser, portal_url, userid):
        self.context = browser.new_context(
            locale="de-DE", viewport={"width": 1280, "height": 900}
        )
        self.page = self.context.new_page()
        self.portal_url = portal_url
        self.userid = userid

    def login(self):
        page = self.page
        page.goto(f"{self.portal_url}/login")
        page.fill("#__ac_name", self.userid)
        page.fill("#__ac_password", demo_password(self.userid))
        with page.expect_navigation():
            page.click("button[name='buttons.login']")
        return self

    def open(self, url):
        self.page.goto(url)
        return self.page

    def screenshot(self, name):
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def axe_violations(self, selector=None):
        """WCAG 2.1 AA violations of the whole document — toolbar, header,
        footer included — or of ``selector`` (axe-core)."""
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate(
            """async ([selector, tags]) => await axe.run(
                   selector ? document.querySelector(selector) : document,
                   {runOnly: {type: 'tag', values: tags}})""",
            [selector, WCAG_21_AA],
        )
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, z. B. {v['nodes'][0]['html'][:120]})"
            for v in result["violations"]
        ]


@pytest.fixture
def actor(chromium, functional_portal):
    """``actor("leitung")`` – a logged-in browser of a demo user."""
    transaction.commit()
    actors = []

    def _actor(userid):
        a = Actor(chromium, functional_portal.absolute_url(), userid).login()
        actors.append(a)
        return a

    yield _actor
    for a in actors:
        a.context.close()
