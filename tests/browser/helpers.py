"""What the browser tests share: logging in through the form, and checking a page at the current size."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.test_accessibility import WCAG_21_AA, describe
from tests.factories import PASSWORD

AXE = Axe()


def log_in(page: Page, base: str, email: str) -> None:
    """Log in with the test password through the English form and wait for the home page."""
    page.goto(base + "/en/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/en/")


def check_page(page: Page, name: str, problems: list[str]) -> None:
    """Add to ``problems`` any sideways scroll and any WCAG 2.1 AA violation axe finds on the page."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"[{name}] {overflow}px horizontal scroll")
    results = AXE.run(page, options=WCAG_21_AA)
    if results.violations_count:
        problems.append(describe(name, results.response["violations"]))
