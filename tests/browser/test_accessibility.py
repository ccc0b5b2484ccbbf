"""axe-core finds no WCAG 2.1 A/AA violation on any public page, in each of the four languages."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import Site

pytestmark = pytest.mark.browser

AXE = Axe()
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


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


@pytest.mark.parametrize("language", ["nl", "en", "tr", "ar"])
def test_no_wcag_violations_on_any_public_page(page: Page, site: Site, language: str) -> None:
    prefix = "" if language == "nl" else f"/{language}"
    problems = []
    for name, path in site.pages().items():
        page.goto(site.url + prefix + path)
        results = AXE.run(page, options=WCAG_21_AA)
        if results.violations_count:
            problems.append(describe(name, results.response["violations"]))
    assert not problems, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(problems)


def test_no_wcag_violations_on_a_form_with_errors(page: Page, site: Site) -> None:
    page.goto(site.url + "/en" + site.pages()["register"])
    page.get_by_role("button", name="Create account").click()
    page.wait_for_selector("#form-errors")
    results = AXE.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, describe("register with errors", results.response["violations"])


@pytest.mark.parametrize("prefix", ["", "/en", "/tr", "/ar"])
def test_no_wcag_violations_on_a_phone(page: Page, site: Site, prefix: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for name, path in site.pages().items():
        page.goto(site.url + prefix + path)
        results = AXE.run(page, options=WCAG_21_AA)
        if results.violations_count:
            problems.append(describe(name, results.response["violations"]))
    assert not problems, "axe found WCAG 2.1 A/AA violations at 390px:\n" + "\n".join(problems)


def test_the_scan_does_find_a_violation_when_there_is_one(page: Page, site: Site) -> None:
    """Guards the guard: a scan that silently checked nothing would pass every page."""
    page.goto(site.url + "/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    results = AXE.run(page, options=WCAG_21_AA)
    assert "label" in {violation["id"] for violation in results.response["violations"]}
