"""axe-core finds no WCAG 2.1 A/AA violation on any public page, in each of the four languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site

# WCAG_21_AA and describe live in helpers; other modules import them from here too.
from tests.browser.helpers import WCAG_21_AA as WCAG_21_AA
from tests.browser.helpers import axe_violations
from tests.browser.helpers import describe as describe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["nl", "en", "tr", "ar"])
def test_no_wcag_violations_on_any_public_page(page: Page, site: Site, language: str) -> None:
    prefix = "" if language == "nl" else f"/{language}"
    problems = []
    for name, path in site.pages().items():
        page.goto(site.url + prefix + path)
        violations = axe_violations(page)
        if violations:
            problems.append(describe(name, violations))
    assert not problems, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(problems)


def test_no_wcag_violations_on_a_form_with_errors(page: Page, site: Site) -> None:
    page.goto(site.url + "/en" + site.pages()["register"])
    page.get_by_role("button", name="Create account").click()
    page.wait_for_selector("#form-errors")
    violations = axe_violations(page)
    assert not violations, describe("register with errors", violations)


@pytest.mark.parametrize("prefix", ["", "/en", "/tr", "/ar"])
def test_no_wcag_violations_on_a_phone(page: Page, site: Site, prefix: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for name, path in site.pages().items():
        page.goto(site.url + prefix + path)
        violations = axe_violations(page)
        if violations:
            problems.append(describe(name, violations))
    assert not problems, "axe found WCAG 2.1 A/AA violations at 390px:\n" + "\n".join(problems)


def test_the_scan_does_find_a_violation_when_there_is_one(page: Page, site: Site) -> None:
    """Guards the guard: a scan that silently checked nothing would pass every page."""
    page.goto(site.url + "/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    assert "label" in {violation["id"] for violation in axe_violations(page)}
