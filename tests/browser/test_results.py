"""The results and count pages in a real browser: no WCAG 2.1 AA violation, no sideways scroll at 390px."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Page

from tests.outcomes.factories import make_closed_vote, make_count, make_official

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def problems(shown: Page) -> list[str]:
    results = Axe().run(shown, options=WCAG_21_AA)
    found: list[dict[str, Any]] = results.response["violations"] if results.violations_count else []
    return [f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in found]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_result_and_count_pages_are_accessible_on_a_phone(
    page: Page,
    live_server: Any,
    transactional_db: None,
    prefix: str,
) -> None:
    edition, _ = make_closed_vote(
        choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2, aggregation_rule="mes", name="Buurtbudget Noord 2027"
    )
    official = make_official(edition)
    make_count(edition=edition, by=official)
    client = Client()
    client.force_login(official)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page.set_viewport_size({"width": 390, "height": 844})

    for path in (f"{prefix}/uitslag/{edition.slug}/", f"{prefix}/uitslag/{edition.slug}/tellen/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert not problems(page), (path, problems(page))
