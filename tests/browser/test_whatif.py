"""The what-if page in a real browser: a phone counts Nieuw-West 2026 again; axe clean at 390 and 1280 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.helpers import scan

pytestmark = pytest.mark.browser
WHAT_IF = "/uitslag/buurtbudget-nieuw-west-2026/wat-als/"


def test_a_phone_counts_again_with_most_votes_first_and_sees_pannaveld_chosen(page: Page, site: Site) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + WHAT_IF)

    page.get_by_label("Meeste stemmen eerst, tot het geld op is").check()
    page.get_by_label("Elk deel een eigen budget").check()
    page.get_by_role("button", name="Opnieuw tellen").click()

    page.wait_for_url("**/wat-als/?rule=greedy*")
    table = page.get_by_role("table", name="Osdorp-Oost: plannen die veranderen")
    assert "Pannaveld aan de Tussen Meer" in table.inner_text()
    assert "Alleen ter informatie. De officiële uitslag" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_what_if_pages_pass_axe_and_fit_a_phone_in_both_languages(page: Page, site: Site) -> None:
    problems = scan(
        page,
        site.url,
        {
            "what if (form)": WHAT_IF,
            "what if (greedy)": WHAT_IF + "?rule=greedy&budget=100&split=yes",
            "what if (pooled)": WHAT_IF + "?rule=phragmen&budget=150&split=no",
        },
    )

    assert not problems, "\n".join(problems)
