"""What the browser tests share: logging in through the form, and checking pages for sideways
scroll and WCAG 2.1 AA violations."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.base import AXE_SCRIPT
from django.db import connection
from playwright.sync_api import Page

from tests.factories import PASSWORD

# The WCAG 2.1 A and AA rules. axe reports only what they find wrong: without "resultTypes" it also
# lists every element each rule passed, a large answer to carry back from the browser for nothing.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
WIDTHS = (1280, 390)  # a laptop and a phone


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """What axe finds against WCAG 2.1 A and AA on the page as it is now: every violation, every node.

    axe is put into the page once per document (not again for a second scan of the same page), and
    only the violations come back from the browser."""
    if not page.evaluate("() => Boolean(window.axe && window.axe.run)"):
        page.evaluate(AXE_SCRIPT)
        assert page.evaluate("() => Boolean(window.axe && window.axe.run)"), "axe did not load"
    violations: list[dict[str, Any]] = page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", WCAG_21_AA
    )
    return violations


def describe(page_name: str, violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{page_name}] {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(
                f"    at {', '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1]}"
            )
            lines.append(f"       {node['html'][:160]}")
    return "\n".join(lines)


def log_in(page: Page, base: str, email: str, password: str = PASSWORD) -> None:
    """Log in afresh through the English form and wait for the home page."""
    page.context.clear_cookies()
    page.goto(base + "/en/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/en/")


def check_page(page: Page, name: str, problems: list[str]) -> None:
    """Add to ``problems`` any sideways scroll and any WCAG 2.1 AA violation axe finds on the page."""
    page.wait_for_load_state("load")  # a click may have just committed a new, still empty document
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"[{name}] {overflow}px horizontal scroll")
    violations = axe_violations(page)
    if violations:
        problems.append(describe(name, violations))


def scanned_prefixes() -> tuple[str, ...]:
    """Every language's prefix on the SQLite pass; Dutch and English on the PostgreSQL pass, which runs
    the same pages side by side with it (how a page reads does not depend on the database)."""
    if connection.vendor == "sqlite":
        return ("", "/en", "/tr", "/ar")
    return ("", "/en")


# The language prefixes the page scans visit (evaluated once, at collection).
PREFIXES = scanned_prefixes()


def scan(page: Page, base: str, paths: dict[str, str]) -> list[str]:
    """The problems of each page (by name) at laptop and phone width, in every language."""
    problems: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in paths.items():
            for prefix in PREFIXES:
                response = page.goto(base + prefix + path)
                assert response is not None and response.status == 200, f"{name}: {prefix}{path}"
                check_page(page, f"{name} {prefix or '/nl'} @{width}", problems)
    return problems
