"""Screenshot of the public register for docs/screenshots, as anonymous.

Needs a running demo site with approved accounts (``make create-site``,
``scripts/demo_register.py``, ``make start``) and Debian's Chromium:

    .venv/bin/python scripts/screenshot_register.py http://localhost:8080/Plone
"""

from pathlib import Path
from playwright.sync_api import sync_playwright
import sys


OUT = Path(__file__).parents[1] / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(base):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=ARGS
        )
        page = browser.new_page(locale="de-DE", viewport={"width": 1280, "height": 900})
        page.goto(
            f"{base}/offizielle-kanaele?q=instagram.com/stadtdortmund_buergerdienste"
        )
        page.screenshot(path=str(OUT / "offizielle-kanaele-suche.png"), full_page=True)
        page.goto(f"{base}/offizielle-kanaele")
        page.screenshot(path=str(OUT / "offizielle-kanaele.png"), full_page=True)
        browser.close()
    print(f"Screenshots in {OUT}")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
