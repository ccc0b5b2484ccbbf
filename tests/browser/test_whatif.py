"""The what-if page in a real browser: axe clean at 390 and 1280 px in both languages (a phone counting
again is part of test_results_phone)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.helpers import scan

pytestmark = pytest.mark.browser
WHAT_IF = "/uitslag/buurtbudget-nieuw-west-2026/wat-als/"


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
