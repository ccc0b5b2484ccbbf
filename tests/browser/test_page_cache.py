"""In a real browser: pages from the page cache switch language, lead to a login and a like that works,
show the like to the next anonymous reader at once, and pass axe as they come from the cache."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from proposals.models import Like, Plan
from tests import factories
from tests.browser.helpers import axe_violations, describe

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(live_server: object, transactional_db: None) -> Plan:
    start = timezone.now() - timedelta(days=15)
    edition = factories.make_edition(
        district=factories.make_district(name="Nieuw-West"),
        support_threshold=10,
        phases=[
            ("plans", start, start + timedelta(days=10)),
            ("support", start + timedelta(days=10), start + timedelta(days=20)),
            ("review", start + timedelta(days=20), start + timedelta(days=30)),
        ],
    )
    return factories.make_plan(edition=edition, title="Geveltuinen")


def test_a_cached_page_switches_language_leads_to_a_like_and_shows_it_to_the_next_reader(
    browser: Browser, live_server: object, plan: Plan
) -> None:
    base = str(live_server).rstrip("/")
    dutch, english = base + plan.get_absolute_url(), base + "/en" + plan.get_absolute_url()
    factories.make_user(email="anna@example.org", display_name="Anna")

    context = browser.new_context()
    page = context.new_page()
    assert page.goto(dutch).headers["x-page-cache"] == "miss"  # type: ignore[union-attr]
    cached = page.goto(dutch)
    assert cached is not None and cached.headers["x-page-cache"] == "hit"
    problems = axe_violations(page)
    assert not problems, describe("cached plan page", problems)

    # The language switch of a cached page: the English page, itself cached for the next reader.
    page.locator(".site-header__languages").get_by_role("link", name="English").click()
    expect(page).to_have_url(english)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # From the cached page to the login, and back to a fresh page with a working like (htmx, CSRF).
    page.get_by_role("link", name="Log in to support this plan").click()
    page.get_by_label("E-mail address").fill("anna@example.org")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(english)
    page.get_by_role("button", name="Support this plan").click()
    expect(page.locator("#steun")).to_contain_text("1 like")
    expect(page.get_by_role("button", name="Take back my support")).to_be_visible()
    assert Like.objects.filter(plan=plan).count() == 1
    context.close()

    # The next anonymous reader sees the like at once, then from the cache again.
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(english)
    assert response is not None and response.headers["x-page-cache"] == "miss"
    expect(page.locator("#steun")).to_contain_text("1 like")
    again = page.reload()
    assert again is not None and again.status in (200, 304)
    expect(page.locator("#steun")).to_contain_text("1 like")
    context.close()
