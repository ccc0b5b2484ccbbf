"""Your part in a real browser: a phone ticks its plans and reads its part; no WCAG 2.1 AA violation."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page

from proposals.models import Plan
from tests.browser.helpers import PREFIXES, axe_violations
from tests.outcomes.factories import make_closed_vote, make_count

pytestmark = pytest.mark.browser


def problems(shown: Page) -> list[str]:
    return [f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in axe_violations(shown)]


def test_a_voter_ticks_their_plans_and_reads_their_part(
    page: Page, live_server: Any, transactional_db: None
) -> None:
    """In every language at phone and laptop width, on one count (set up once: reading changes nothing)."""
    edition, plans = make_closed_vote(
        plan_costs=(70_000, 40_000),
        total_budget_cents=100_000,
        choices=[(0, 1)] * 3 + [(1,)],
        aggregation_rule="mes",
        name="Buurtbudget Noord 2027",
    )
    Plan.objects.filter(pk=plans[0].pk).update(title="Speeltuin")
    Plan.objects.filter(pk=plans[1].pk).update(title="Buurtfeest")
    make_count(edition=edition)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        for prefix in PREFIXES:
            where = f"{prefix or '/nl'} @{width}"
            page.context.clear_cookies()  # a new visitor each time, as in a fresh browser
            page.goto(f"{live_server.url}{prefix}/uitslag/{edition.slug}/mijn-deel/")
            assert not problems(page), (where, problems(page))
            page.check(f"#part-plan-{plans[0].pk}")
            page.check(f"#part-plan-{plans[1].pk}")
            page.locator(".your-part__form button[type=submit]").click()

            page.wait_for_selector("#part-answer")
            assert "mijn-deel/" in page.url and "?" not in page.url, where
            shown = page.inner_text("main")
            assert re.search(r"€\s?100\b", shown), where
            assert page.evaluate("document.documentElement.scrollWidth") <= width, where
            assert not problems(page), (where, problems(page))
