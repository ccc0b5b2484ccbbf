"""Arabic pages mirror (the brand at the right, no sideways scroll; test_accessibility runs axe on them)
and the language switch on the vote's pages keeps the code, the choices and the receipt (axe clean);
screenshots in test-results/languages/."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import FloatRect, Page, expect

from editions.models import BallotFormat
from tests import factories
from tests.browser.conftest import Site
from tests.browser.helpers import check_page
from voting.models import Ballot

pytestmark = pytest.mark.browser

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results" / "languages"


def shot(page: Page, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def box(page: Page, selector: str) -> FloatRect:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


@pytest.mark.parametrize("width", [1280, 390])
def test_arabic_pages_are_mirrored_and_fit_the_screen(page: Page, site: Site, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    problems: list[str] = []
    for name in ("home", "plan list", "edition", "plan detail", "login"):
        response = page.goto(site.url + "/ar" + site.pages()[name])
        assert response is not None and response.status == 200, name
        assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
        brand, content = box(page, ".site-header__brand"), box(page, ".site-header__content")
        # The brand starts the header, so right to left it sits at the right edge, as does the heading.
        assert abs((brand["x"] + brand["width"]) - (content["x"] + content["width"] - 16)) <= 2, name
        heading, main = box(page, "main h1"), box(page, "main")
        assert heading["x"] + heading["width"] >= main["x"] + main["width"] - 32, name
        assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
        # No sideways scroll; axe scans these pages in Arabic at both widths in test_accessibility.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"[{name} /ar @{width}] {overflow}px horizontal scroll")
        shot(page, f"ar-{name.replace(' ', '-')}-{width}")
    assert not problems, "\n".join(problems)


def test_the_language_switch_on_the_ballot_keeps_the_choices(page: Page, site: Site) -> None:
    edition, plans = factories.make_vote(
        ballot_format=BallotFormat.APPROVAL, ballot_max_choices=2, name="Buurtbudget Taaltest"
    )
    _, code = factories.make_voter(edition=edition)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site.url}/stemmen/{edition.slug}/")
    page.fill("#id_code", code)
    page.get_by_role("button", name="Türkçe").click()  # the code typed is kept, in Turkish
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.locator("#id_code")).to_have_value(code)
    page.locator("#code-form button[type=submit]").click()
    expect(page.locator("input[name=token]")).to_have_count(1)
    page.get_by_label(plans[0].title).check()
    page.get_by_label(plans[2].title).check()

    page.get_by_role("button", name="العربية").click()
    page.wait_for_url(f"{site.url}/ar/stemmen/{edition.slug}/stembiljet/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_label(plans[0].title)).to_be_checked()
    expect(page.get_by_label(plans[2].title)).to_be_checked()
    expect(page.get_by_label(plans[1].title)).not_to_be_checked()
    assert code not in page.url and not Ballot.objects.filter(edition=edition).exists()
    checkbox, plan = box(page, ".ballot-plan__checkbox"), box(page, ".ballot-plan")
    assert checkbox["x"] > plan["x"] + plan["width"] / 2, "the checkbox stands at the right, before its plan"
    problems: list[str] = []
    check_page(page, "ballot /ar @390", problems)
    assert not problems, "\n".join(problems)
    shot(page, "ar-ballot-switched-390")

    page.locator("#ballot-form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert Ballot.objects.filter(edition=edition).count() == 1
    number = page.locator("#receipt-number").text_content()
    page.get_by_role("button", name="English").click()  # the receipt again, in English, nothing cast
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Your vote has been received")
    expect(page.locator("#receipt-number")).to_have_text(number or "?")
    assert Ballot.objects.filter(edition=edition).count() == 1
