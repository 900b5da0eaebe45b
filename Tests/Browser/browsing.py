"""What the browser tests share: Debian's chromium in French, and a visit that keeps a
screenshot of every page, runs axe-core on it and looks at it 320 px wide."""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT / ".build" / "screenshots"
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "chromium is not installed (.ci/run installs it)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        # French for the browser's own date and time fields (chromium-l10n), as a French user sees them.
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--lang=fr-FR"], env={**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"})
        yield browser
        browser.close()


class Visit:
    """A browser context on the server, keeping every page it shows for the accessibility checks."""

    def __init__(self, browser, mutualis, javascript=True):
        self.context = browser.new_context(java_script_enabled=javascript, locale="fr-FR", base_url=mutualis.url)
        self.page = self.context.new_page()
        self.page.set_viewport_size({"width": 1280, "height": 800})
        self.seen = []
        self.failures = {}

    def shot(self, name):
        """Keeps a screenshot of the page, runs axe-core on it, and looks at it 320 px wide."""
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        results = Axe().run(self.page, options=WCAG_AA)
        self.seen.append((name, results.violations_count))
        if results.violations_count:
            self.failures[name] = results.generate_report()
        self.page.set_viewport_size({"width": 320, "height": 800})
        width = self.page.evaluate("document.documentElement.scrollWidth")
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}-320.png"), full_page=True)
        self.page.set_viewport_size({"width": 1280, "height": 800})
        if width > 320:
            self.failures[name + " at 320 px"] = f"scrolls sideways: {width} px wide"

    def tab_to(self, name, role=None, limit=80):
        """Presses Tab until the focused element's accessible name contains `name`, then returns."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            focused = self.page.locator(":focus")
            if not focused.count():
                continue
            # The text a screen reader reads, hidden helper text included.
            spoken = focused.evaluate("e => (e.getAttribute('aria-label') || e.textContent || e.value || '').replace(/\\s+/g, ' ')")
            if name in spoken and (role is None or focused.evaluate("e => e.tagName.toLowerCase()") == role):
                return focused
        raise AssertionError(f"{name!r} is not reachable with Tab on {self.page.url}")
