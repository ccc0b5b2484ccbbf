"""Residents who read Turkish or Arabic submit a plan, vote with a code and read the result in their
language, on a phone; every page is checked for sideways scroll and WCAG 2.1 AA, and the Arabic pages
for their mirrored layout (screenshots in test-results/languages/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from proposals.models import Plan, PlanStatus
from tests import factories
from tests.browser.conftest import Site
from tests.browser.helpers import check_page
from tests.browser.test_submission import open_edition_slug
from voting.models import Ballot

pytestmark = pytest.mark.browser

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results" / "languages"
RESULT = "buurtbudget-nieuw-west-2026"


def said(msgid: str, language: str, context: str | None = None) -> str:
    """``msgid`` as the page in ``language`` shows it; fails when the catalogue leaves it untranslated."""
    with translation.override(language):
        text = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
    assert text != msgid, f"no {language} translation for {msgid!r}"
    return text


def shot(page: Page, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def mirrored(page: Page) -> bool:
    """Right to left for real: the document says so, and the brand, which starts the header, stands at
    its right edge (as in tests/browser/test_languages.py)."""
    brand = page.locator(".site-header__brand").bounding_box()
    header = page.locator(".site-header__content").bounding_box()
    assert brand is not None and header is not None
    right_edge = abs((brand["x"] + brand["width"]) - (header["x"] + header["width"] - 16)) <= 2
    direction = page.evaluate("getComputedStyle(document.querySelector('main h1')).direction")
    return bool(page.get_attribute("html", "dir") == "rtl" and right_edge and direction == "rtl")


def log_in_as(page: Page, base: str, language: str, email: str) -> None:
    page.goto(f"{base}/{language}/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", factories.PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/{language}/**")


PLANS = {  # title, summary, description
    "tr": ("Çocuklar için oyun sokağı", "Her çarşamba sokak oyun alanı olsun.", "Güvenle oynanacak bir yer."),
    "ar": ("شارع لعب للأطفال", "يصبح الشارع ملعبًا كل أربعاء.", "مكان آمن يلعب فيه الأطفال."),
}


@pytest.mark.parametrize("language", ["tr", "ar"])
def test_a_reader_submits_a_plan_in_their_language(page: Page, site: Site, language: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    slug = open_edition_slug(site)
    resident = factories.make_user(email=f"{language}@example.org", display_name="Ayşe")
    log_in_as(page, site.url, language, resident.email)
    problems: list[str] = []
    save = said("Save and continue", language)
    title, summary, description = PLANS[language]

    page.goto(f"{site.url}/{language}/plannen/nieuw/{slug}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert language != "ar" or mirrored(page)
    expect(page.locator("[aria-current=step]")).to_contain_text(said("What and why", language))
    check_page(page, f"plan: what /{language}", problems)
    page.get_by_label(said("Title", language), exact=True).fill(title)
    page.get_by_label(said("Summary", language), exact=True).fill(summary)
    page.get_by_label(said("Description", language), exact=True).fill(description)
    page.locator("main select").first.select_option(index=1)
    page.locator("main").get_by_role("button", name=save).click()

    expect(page.locator("[aria-current=step]")).to_contain_text(said("Where and for whom", language))
    page.get_by_label(said("Address or place", language)).fill("Meerstraat")
    check_page(page, f"plan: where /{language}", problems)
    page.locator("main").get_by_role("button", name=save).click()

    expect(page.locator("[aria-current=step]")).to_contain_text(said("Costs", language))
    page.fill("#id_form-0-description", "Oyun malzemesi")
    page.fill("#id_form-0-amount", "1.250")
    page.locator("main").get_by_role("button", name=save).click()
    page.locator("main").get_by_role("link", name=said("Continue", language)).click()  # no images
    page.locator("main").get_by_role("button", name=save).click()  # the public name as it is

    page.wait_for_url("**/bewerken/controleren/")
    check_page(page, f"plan: preview /{language}", problems)
    page.locator("main input[type=checkbox]").last.check()  # the age confirmation
    page.locator("main").get_by_role("button", name=said("Submit plan", language)).click()

    plan = Plan.objects.get(initiator=resident)
    page.wait_for_url(f"{site.url}/{language}{plan.get_absolute_url()}")
    assert plan.status == PlanStatus.SUBMITTED and plan.title == title
    expect(page.locator("h1")).to_contain_text(title)  # marked "in Dutch": the form takes the Dutch title
    expect(page.locator("main")).to_contain_text("€ 1.250")
    check_page(page, f"plan page /{language}", problems)
    shot(page, f"{language}-plan-submitted-390")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["tr", "ar"])
def test_a_reader_votes_with_a_code_and_reads_the_result(page: Page, site: Site, language: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    problems: list[str] = []
    edition, plans = factories.make_vote(name=f"Buurtbudget {language} 2026")
    _, code = factories.make_voter(edition=edition)

    page.goto(f"{site.url}/{language}/stemmen/{edition.slug}/#code={code}")
    expect(page.locator("#id_code")).to_have_value(code)
    assert language != "ar" or mirrored(page)
    check_page(page, "code page /{language}", problems)
    shot(page, f"{language}-code-page-390")
    page.locator("#code-form button[type=submit]").click()

    expect(page.locator("input[name=token]")).to_have_count(1)
    assert language != "ar" or mirrored(page)
    page.get_by_label(plans[0].title).check()
    check_page(page, "ballot /{language}", problems)
    shot(page, f"{language}-ballot-390")
    page.locator("main form button[type=submit]").filter(has_text=said("Cast my vote", language)).click()

    expect(page.locator("#receipt-number")).to_be_visible()
    assert Ballot.objects.filter(edition=edition).count() == 1
    assert language != "ar" or mirrored(page)
    check_page(page, "receipt /{language}", problems)
    shot(page, f"{language}-receipt-390")

    page.goto(f"{site.url}/{language}/uitslag/{RESULT}/")
    assert language != "ar" or mirrored(page)
    expect(page.locator("main")).to_contain_text("Taalmaatjes Osdorp-Oost")
    check_page(page, "result /{language}", problems)
    shot(page, f"{language}-result-390")
    assert not problems, "\n".join(problems)
