"""The obstacle figures: blockers, help requests and survey categories on a hand-made edition."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from evaluation.models import Question, Response, Survey
from evaluation.obstacles.selectors import obstacle_figures
from evaluation.privacy import MIN_GROUP
from execution.models import Blocker, HelpRequest, Project
from proposals.models import Plan
from tests.evaluation.funnel.helpers import NOW, query_count
from tests.execution.factories import published_projects
from tests.factories import make_neighbourhood

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def _blocker(project: Project, category: str, opened: datetime, resolved: datetime | None) -> None:
    Blocker.objects.create(
        project=project,
        category=category,
        description="Het zit vast.",
        side="initiators",
        opened_by=project.plan.initiator,
        opened_at=opened,
        resolved_at=resolved,
        resolution="Opgelost." if resolved else "",
    )


def _survey(edition: Any, kind: str, question_kind: str, choices: list[str], answers: list[Any]) -> None:
    survey = Survey.objects.create(edition=edition, kind=kind, title=kind)
    Question.objects.create(
        survey=survey,
        key="knelpunt",
        kind=question_kind,
        role="category",
        text="Waar liep u vast?",
        choices=[{"key": c, "label": c.title()} for c in choices],
    )
    Response.objects.bulk_create(
        Response(survey=survey, submitted_on=date(2027, 9, 1), answers={"knelpunt": a}) for a in answers
    )


@pytest.fixture
def stuck() -> Any:
    """Two projects (the first in Osdorp, the second for the whole district) with four blockers and
    three help requests, and two surveys whose category questions got a few answers."""
    edition, plans, _official, (first, second) = published_projects()
    osdorp = make_neighbourhood(district=edition.district, name="Osdorp")
    Plan.objects.filter(pk=plans[0].pk).update(neighbourhood=osdorp)
    _blocker(first, "permit", NOW - 30 * DAY, NOW - 20 * DAY)  # solved in 10 days
    _blocker(second, "permit", NOW - 30 * DAY, NOW - 26 * DAY)  # solved in 4 days
    _blocker(second, "permit", NOW - 5 * DAY, None)
    _blocker(first, "money", NOW - 5 * DAY, None)
    for project, asked, answered in (
        (first, NOW - 10 * DAY, NOW - 9 * DAY),
        (second, NOW - 10 * DAY, NOW - 6 * DAY),
        (second, NOW - DAY, None),
    ):
        HelpRequest.objects.create(
            project=project,
            question="Hoe?",
            asked_by=project.plan.initiator,
            asked_at=asked,
            answer="Zo." if answered else "",
            answered_at=answered,
        )
    _survey(
        edition,
        "initiator_completion",
        "single",
        ["vergunning", "geld", "anders"],
        ["vergunning"] * 10 + ["geld"] * 3,
    )
    _survey(edition, "voter", "multiple", ["a", "b"], [["a", "b"]] * 11 + [["a"], [], "a"])
    _survey(edition, "panel_member", "single", ["tijd", "uitleg"], [])  # nobody answered yet
    Survey.objects.create(edition=edition, kind="official", title="Zonder categorie")
    return edition


def test_blockers_by_category_and_neighbourhood(stuck: Any) -> None:
    figures = obstacle_figures(stuck)
    by_category = {row["category"]: row for row in figures["blockers"]}
    assert list(by_category) == [
        "permit",
        "location",
        "procurement",
        "volunteers",
        "money",
        "cooperation",
        "other",
    ]
    permit, money, location = by_category["permit"], by_category["money"], by_category["location"]
    assert permit == {
        "category": "permit",
        "count": 3,
        "solved": 2,
        "unsolved": 1,
        "median_days_to_solve": 7.0,
    }
    assert money == {
        "category": "money",
        "count": 1,
        "solved": 0,
        "unsolved": 1,
        "median_days_to_solve": None,
    }
    assert location == {
        "category": "location",
        "count": 0,
        "solved": 0,
        "unsolved": 0,
        "median_days_to_solve": None,
    }
    assert figures["by_neighbourhood"] == [
        {"slug": "osdorp", "name": "Osdorp", "count": 2, "unsolved": 1},
        {"slug": "", "name": "", "count": 2, "unsolved": 1},
    ]


def test_help_requests_count_answers_and_median_days(stuck: Any) -> None:
    assert obstacle_figures(stuck)["help_requests"] == {
        "count": 3,
        "answered": 2,
        "median_days_to_answer": 2.5,
    }


def test_survey_categories_are_counted_and_small_groups_suppressed(stuck: Any) -> None:
    """Each choice with its label; the panel members' survey, without answers, is left out."""
    assert MIN_GROUP == 10
    assert obstacle_figures(stuck)["survey_categories"] == [
        {"survey_kind": "initiator_completion", "category": "vergunning", "label": "Vergunning", "count": 10},
        {"survey_kind": "initiator_completion", "category": "geld", "label": "Geld", "count": None},
        {"survey_kind": "initiator_completion", "category": "anders", "label": "Anders", "count": None},
        {"survey_kind": "voter", "category": "a", "label": "A", "count": 13},
        {"survey_kind": "voter", "category": "b", "label": "B", "count": 11},
    ]


def test_obstacles_run_as_many_queries_with_more_blockers(stuck: Any) -> None:
    few = query_count(obstacle_figures, stuck)
    project = Project.objects.filter(edition=stuck).first()
    assert project is not None
    for _ in range(10):
        _blocker(project, "other", NOW - DAY, None)
    assert query_count(obstacle_figures, stuck) == few <= 6
