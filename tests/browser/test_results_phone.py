"""A resident on a phone reads Nieuw-West 2026's result: the summary, why Pannaveld was not chosen,
their own part and one what-if, each page without sideways scroll or WCAG 2.1 AA violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Site
from tests.browser.helpers import check_page

pytestmark = pytest.mark.browser
RESULT = "/uitslag/buurtbudget-nieuw-west-2026/"


def _reads_the_summary_and_why_pannaveld_lost(page: Page, problems: list[str]) -> None:
    summary = page.get_by_role("region", name="In het kort")
    expect(summary).to_contain_text("Taalmaatjes Osdorp-Oost")
    expect(summary).to_contain_text("€ 57.500 is niet uitgegeven")
    expect(page.locator("main")).to_contain_text(
        "Iedereen die stemde krijgt een even groot deel van het budget."
    )
    check_page(page, "result, folded", problems)

    section = page.locator("#section-n-osdorp-oost")
    section.locator("details.outcome-details > summary").click()
    pannaveld = section.get_by_role("row", name="Pannaveld aan de Tussen Meer")
    expect(pannaveld).to_contain_text("de kiezers van dit plan hadden samen € 36.217, minder dan het kost")
    pannaveld.locator("details > summary").click()
    expect(pannaveld).to_contain_text(
        "Taalmaatjes Osdorp-Oost kreeg wel geld, met minder kiezers (269 tegen 436)"
    )
    check_page(page, "result, Pannaveld's why open", problems)


def _ticks_their_plans(page: Page, problems: list[str]) -> None:
    page.get_by_role("link", name="Vink de plannen aan waarop je hebt gestemd").click()
    page.get_by_label("Geveltuinen in de Meer en Vaart-buurt").check()
    page.get_by_label("Pannaveld aan de Tussen Meer").check()
    page.get_by_role("button", name="Toon mijn deel").click()

    answer = page.locator("#part-answer").locator("..")
    expect(answer).to_contain_text("Je betaalde € 36,81 van je deel eraan.")
    expect(answer).to_contain_text(
        "De kiezers van Pannaveld aan de Tussen Meer hadden samen niet genoeg meer over"
    )
    assert "?" not in page.url  # the ticks stay out of the address
    check_page(page, "your part", problems)


def _counts_again_with_most_votes_first(page: Page, problems: list[str]) -> None:
    page.goto(page.url.split("mijn-deel/")[0])
    page.get_by_label("Meeste stemmen eerst, tot het geld op is").check()
    page.get_by_role("button", name="Opnieuw tellen").click()

    page.wait_for_url("**/wat-als/?rule=greedy*")
    expect(page.locator("main")).to_contain_text("Alleen ter informatie. De officiële uitslag")
    changes = page.get_by_role("table", name="Osdorp-Oost: plannen die veranderen")
    pannaveld = changes.get_by_role("row", name="Pannaveld aan de Tussen Meer")
    expect(pannaveld.get_by_role("cell")).to_have_text(["Niet gekozen", "Gekozen"])  # official, what if
    check_page(page, "what if", problems)


def test_a_resident_on_a_phone_reads_why_and_tries_another_count(page: Page, site: Site) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + RESULT)
    problems: list[str] = []

    _reads_the_summary_and_why_pannaveld_lost(page, problems)
    _ticks_their_plans(page, problems)
    _counts_again_with_most_votes_first(page, problems)

    assert not problems, "\n".join(problems)
