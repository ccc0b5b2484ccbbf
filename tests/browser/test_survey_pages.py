"""A voter answers the survey their receipt offers, in a real browser at 1280 and 390 px: no WCAG 2.1 AA
violation and no sideways scroll on the way. test_evaluation_pages scans the officials' survey pages and
the initiators' (my surveys, answering one) in every language and width."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from accounts.models import Role
from evaluation.models import Response
from evaluation.surveys.services import set_up_surveys
from tests import factories
from tests.browser.test_results import problems

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("SURVEY_SHOTS", "/tmp/survey-shots"))


def look(page: Page, name: str, width: int) -> None:
    """Screenshot the page, then fail on sideways scroll or an axe violation."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    if width == 390:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    found = problems(page)
    assert not found, (name, found)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_voter_answers_the_survey_after_casting(
    page: Page, live_server: Any, transactional_db: None, width: int
) -> None:
    edition, plans = factories.make_vote(ballot_max_choices=2)
    set_up_surveys(edition=edition, by=factories.make_staff(role=Role.OFFICIAL, district=edition.district))
    _voter, code = factories.make_voter(edition=edition)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("voting:start", args=[edition.slug]))
    page.fill("input[name=code]", code)
    page.locator("main form button[type=submit]").first.click()
    page.locator(f"input[value='{plans[0].pk}']").check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector("#receipt-number")
    look(page, "receipt-nl", width)
    page.locator("#voter-survey-heading ~ form button").click()
    page.wait_for_selector("input[name='q-ease']")
    look(page, "voter-answer-nl", width)
    page.locator("label[for='q-satisfaction-5']").click()
    page.locator("label[for='q-ease-4']").click()
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_selector("h1")
    look(page, "voter-thanks-nl", width)
    assert Response.objects.get().answers == {"ease": 4, "satisfaction": 5}
