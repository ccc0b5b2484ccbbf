"""The demo's printed voting codes work in a browser: vote in Zuidoost 2026, change it, see the receipt."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site
from voting.models import Ballot

pytestmark = pytest.mark.browser

CODE = re.compile(r"^\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])$", re.MULTILINE)
SLUG = "buurtbudget-zuidoost-2026"


def test_a_printed_demo_code_casts_and_changes_a_knapsack_ballot(page: Page, site: Site) -> None:
    # The codes `manage.py load_demo` printed when the session's demo was loaded (``site`` restores it).
    code = CODE.findall(site.demo_output)[0]
    ballots_before = Ballot.objects.filter(edition__slug=SLUG).count()

    page.goto(f"{site.url}/en/stemmen/{SLUG}/#code={code}")
    expect(page.locator("#id_code")).to_have_value(code)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Your ballot")

    first_section = page.locator("main fieldset").first
    budget_bar = first_section.locator("[aria-live]").first
    empty = budget_bar.inner_text()
    first_section.locator("input[type=checkbox]").first.check()
    expect(budget_bar).not_to_have_text(empty)  # the live budget bar counts the chosen plan
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.locator("h1")).to_have_text("Your vote has been received")
    receipt = page.locator("#receipt-number").inner_text()
    assert Ballot.objects.filter(edition__slug=SLUG).count() == ballots_before + 1
    assert Ballot.objects.filter(edition__slug=SLUG, receipt=receipt).exists()

    page.get_by_role("button", name="Change my vote").click()
    first_section = page.locator("main fieldset").first
    first_section.locator("input[type=checkbox]").first.uncheck()
    first_section.locator("input[type=checkbox]").nth(1).check()
    page.get_by_role("button", name="Cast my new vote").click()
    expect(page.locator("h1")).to_have_text("Your vote has been changed")
    assert Ballot.objects.filter(edition__slug=SLUG).count() == ballots_before + 1
