"""The survey pages in a real browser: no WCAG 2.1 AA violation in either language at 1280 and 390 px,
no sideways scroll on a phone; a voter answers the survey their receipt offers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from accounts.models import Role, User
from evaluation.models import Response, Survey, SurveyKind
from evaluation.surveys.services import answer_survey, set_up_surveys
from tests import factories
from tests.browser.helpers import PREFIXES
from tests.browser.test_results import problems
from tests.evaluation.surveys.conftest import complete
from tests.execution.factories import owner_of, published_projects

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("SURVEY_SHOTS", "/tmp/survey-shots"))


def log_in_as(page: Page, base: str, user: User) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])


def look(page: Page, name: str, width: int) -> None:
    """Screenshot the page, then fail on sideways scroll or an axe violation."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    if width == 390:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    found = problems(page)
    assert not found, (name, found)


def answered_survey(edition: Any) -> None:
    survey = Survey.objects.get(edition=edition, kind=SurveyKind.INITIATOR_AGREEMENT)
    for n in range(13):
        stuck = "permits" if n < 10 else "money"
        given = {"satisfaction": 3 + n % 3, "stuck": stuck, "stuck_story": f"Verhaal {n}"}
        answer_survey(survey=survey, holder=f"h{n}", answers=given)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_survey_pages_are_accessible(
    page: Page, live_server: Any, transactional_db: None, prefix: str, width: int
) -> None:
    edition, _plans, official, projects = published_projects()
    set_up_surveys(edition=edition, by=official)
    answered_survey(edition)
    complete(projects[0])
    page.set_viewport_size({"width": width, "height": 900})
    log_in_as(page, live_server.url, official)
    language = "en" if prefix else "nl"
    with translation.override(language):
        pages = {
            "surveys": reverse("evaluation:surveys", args=[edition.slug]),
            "survey-edit": reverse("evaluation:survey", args=[edition.slug, "voter"]),
            "question-add": reverse("evaluation:question_add", args=[edition.slug, "voter"]),
            "results": reverse("evaluation:survey_results", args=[edition.slug, "initiator_agreement"]),
        }
    for name, path in pages.items():
        page.goto(live_server.url + path)
        look(page, f"{name}-{language}", width)
    log_in_as(page, live_server.url, owner_of(projects[0]))
    with translation.override(language):
        page.goto(live_server.url + reverse("evaluation:my_surveys"))
    look(page, f"mine-{language}", width)
    page.locator("main .site-task-list a").first.click()
    look(page, f"answer-{language}", width)


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
