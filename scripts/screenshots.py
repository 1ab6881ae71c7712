"""Screenshots of the overview, Meine Aufgaben, an Antrag and its vote table,
the notification preferences and (optionally) an Antrag flagged
„Verantwortung klären“ for docs/screenshots.

Needs a running demo site (`make start`) with an Antrag in the participation
procedure, and Debian's Chromium (`make browser-deps`):

    .venv/bin/python scripts/screenshots.py http://localhost:8080/Plone sn-2026-0003 [sn-2026-0001]
"""

from pathlib import Path
from playwright.sync_api import sync_playwright
import sys


OUT = Path(__file__).parents[1] / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def login(browser, base, userid):
    context = browser.new_context(
        locale="de-DE", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#__ac_name", userid)
    page.fill("#__ac_password", f"demo-{userid}")
    page.click("button[name='buttons.login']")
    page.wait_for_load_state()
    # collapse Plone's toolbar so that the pages get the whole width
    page.evaluate(
        "localStorage.setItem('plone-toolbar', JSON.stringify({expanded: false}))"
    )
    return page


def main(base, antrag_id, markiert_id=None):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=ARGS
        )
        page = login(browser, base, "poa")
        page.goto(f"{base}/soziale-netzwerke")
        page.screenshot(path=str(OUT / "uebersicht.png"), full_page=True)
        page.goto(f"{base}/soziale-netzwerke/@@meine-aufgaben")
        page.screenshot(path=str(OUT / "meine-aufgaben.png"), full_page=True)
        page.goto(f"{base}/@@benachrichtigungen")
        page.screenshot(path=str(OUT / "benachrichtigungen.png"), full_page=True)
        page = login(browser, base, "mitarbeiter")
        page.goto(f"{base}/soziale-netzwerke/fb-10/{antrag_id}")
        page.screenshot(path=str(OUT / "antrag.png"), full_page=True)
        page.locator(".sn-kurzansicht").screenshot(path=str(OUT / "kurzansicht.png"))
        if markiert_id:
            page.goto(f"{base}/soziale-netzwerke/fb-10/{markiert_id}")
            page.screenshot(path=str(OUT / "verantwortung-klaeren.png"), full_page=True)
        browser.close()
    print(f"Screenshots in {OUT}")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), *sys.argv[2:4])
