"""A clear next step on a phone: the home page's big actions, postcode → neighbourhood, a one-row menu."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from demo.content.accounts import DEMO_PASSWORD
from tests.browser.conftest import Site
from tests.browser.helpers import check_page, log_in

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-results" / "next-step"
PHONE: ViewportSize = {"width": 390, "height": 844}


def test_on_a_phone_the_home_page_offers_big_actions_and_finds_the_neighbourhood_by_postcode(
    page: Page, site: Site
) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    page.goto(site.url + "/en/")
    problems: list[str] = []
    check_page(page, "home @390", problems)
    actions = page.locator(".site-step__action")
    assert actions.count() >= 3
    for i in range(actions.count()):
        box = actions.nth(i).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    vote = re.compile(r"^Vote now\W+Buurtbudget Zuidoost 2026$")
    expect(page.get_by_role("link", name=vote)).to_be_visible()
    page.screenshot(path=str(ARTEFACTS / "home-390.png"), full_page=True)

    page.get_by_label("Postcode").fill("1068ac")
    page.get_by_role("button", name="Find my neighbourhood").click()
    expect(page.locator("#id_number_error")).to_contain_text("Add your house number")
    page.get_by_label("House number").fill("120")
    page.get_by_role("button", name="Find my neighbourhood").click()
    expect(page.locator("h1")).to_have_text("You live in Osdorp-Midden, Nieuw-West")
    expect(page.locator(".site-step__action").first).to_be_visible()
    check_page(page, "neighbourhood @390", problems)
    page.screenshot(path=str(ARTEFACTS / "neighbourhood-390.png"), full_page=True)
    assert not problems, "\n".join(problems)


def test_a_logged_in_menu_keeps_one_row_on_a_phone_and_folds_the_rest(page: Page, site: Site) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    log_in(page, site.url, "bewoner01@demo.buurtbudget.nl", DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(site.url + "/en/")
    rows = page.evaluate(
        "new Set([...document.querySelectorAll('.site-nav__list > li')]"
        ".map(li => Math.round(li.getBoundingClientRect().top))).size"
    )
    content_top = page.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
    assert rows == 1, f"the menu takes {rows} rows at 390 px"
    assert content_top < 180, f"the content starts at {content_top} px (it was 228 px with four rows)"
    my_plans = page.get_by_role("link", name="My plans")
    expect(my_plans).to_be_hidden()
    page.locator(".site-nav__summary").click()
    expect(my_plans).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    problems: list[str] = []
    check_page(page, "menu open @390", problems)
    page.screenshot(path=str(ARTEFACTS / "menu-open-390.png"))
    assert not problems, "\n".join(problems)
