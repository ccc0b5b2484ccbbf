"""Where the funnel starts: ideas and the plans they became, the days from idea to submission, and how
coached and pre-checked plans fared in the review against the others — on hand-made data."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import translation

from accounts.models import Role, User
from development.models import Coaching, Idea
from editions.models import Edition
from evaluation.funnel.selectors import funnel_figures
from evaluation.report.process import funnel_block
from places.models import District, Neighbourhood
from proposals.models import Plan, PlanStatus
from review.models import ChangeRequest, PreCheck, Verdict
from tests import factories

from .helpers import NOW, query_count

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def _idea(
    edition: Edition,
    neighbourhood: Neighbourhood,
    *,
    posted: datetime = NOW - 60 * DAY,
    plan: Plan | None = None,
    hidden: bool = False,
) -> Idea:
    initiator = plan.initiator if plan else factories.make_user()
    return Idea.objects.create(
        edition=edition,
        title="Een idee",
        text="Een paar zinnen.",
        neighbourhood=neighbourhood,
        initiator=initiator,
        public_name=initiator.display_name,
        created_at=posted,
        plan=plan,
        drafted_at=posted + DAY if plan else None,
        hidden_at=NOW - DAY if hidden else None,
        hidden_reason="Reclame" if hidden else "",
    )


@pytest.fixture
def places(district: District) -> tuple[Neighbourhood, Neighbourhood]:
    return (
        factories.make_neighbourhood(district=district, name="Geuzenveld"),
        factories.make_neighbourhood(district=district, name="Osdorp"),
    )


def test_ideas_and_the_plans_they_became_are_counted_per_neighbourhood(
    edition: Edition, places: tuple[Neighbourhood, Neighbourhood]
) -> None:
    geuzenveld, osdorp = places
    submitted_10 = factories.make_plan(edition=edition, neighbourhood=geuzenveld, submitted_at=NOW - 50 * DAY)
    submitted_20 = factories.make_plan(edition=edition, neighbourhood=geuzenveld, submitted_at=NOW - 30 * DAY)
    draft = factories.make_plan(edition=edition, neighbourhood=geuzenveld, status=PlanStatus.DRAFT)
    factories.make_plan(edition=edition, neighbourhood=osdorp)  # written without an idea
    _idea(edition, geuzenveld, posted=NOW - 60 * DAY, plan=submitted_10)
    _idea(edition, geuzenveld, posted=NOW - 50 * DAY, plan=submitted_20)
    _idea(edition, geuzenveld, plan=draft)
    _idea(edition, geuzenveld)
    _idea(edition, osdorp)
    _idea(edition, osdorp, hidden=True)  # moderated away: not counted

    ideas = funnel_figures(edition)["ideas"]

    assert ideas["stages"] == [
        {"key": "ideas", "count": 5},
        {"key": "ideas_to_plans", "count": 3},
        {"key": "ideas_submitted", "count": 2},
    ]
    assert ideas["by_neighbourhood"] == [
        {"slug": "geuzenveld", "name": "Geuzenveld", "ideas": 4, "became_plans": 3, "share": 75.0},
        {"slug": "osdorp", "name": "Osdorp", "ideas": 1, "became_plans": 0, "share": 0.0},
    ]
    assert ideas["idea_to_submission"] == {"median_days": 15.0, "n": 2}


def test_an_edition_without_ideas_shows_zeros_and_no_median(edition: Edition) -> None:
    ideas = funnel_figures(edition)["ideas"]
    assert [stage["count"] for stage in ideas["stages"]] == [0, 0, 0]
    assert ideas["idea_to_submission"] == {"median_days": None, "n": 0}
    assert all(row["reviewed"] == 0 and row["too_few"] for row in ideas["review_by_track"])


def _reviewed(edition: Edition, verdict: str, *, changes: bool = False) -> Plan:
    plan = factories.make_plan(edition=edition, submitted_at=NOW - 40 * DAY)
    factories.make_review(plan=plan, verdict=verdict, public_explanation="Uitleg.")
    if changes:
        ChangeRequest.objects.create(
            plan=plan, message="Graag een offerte.", deadline=NOW + DAY, requested_by=plan.initiator
        )
    return plan


def _coach(plan: Plan, official: User, *, via_idea: bool, neighbourhood: Neighbourhood) -> None:
    if via_idea:
        idea = _idea(plan.edition, neighbourhood, plan=plan)
        Coaching.objects.create(idea=idea, coach=official, assigned_by=official)
    else:
        Coaching.objects.create(plan=plan, coach=official, assigned_by=official)


def _prechecked(plan: Plan, official: User, *, answered: bool = True) -> None:
    PreCheck.objects.create(
        plan=plan,
        asked_by=plan.initiator,
        asked_at=NOW - 50 * DAY,
        due_at=NOW - 40 * DAY,
        answered_by=official if answered else None,
        answered_at=NOW - 45 * DAY if answered else None,
        summary="Let op de kosten." if answered else "",
    )


def test_coached_and_prechecked_plans_are_compared_with_the_others_and_small_groups_are_not(
    edition: Edition, places: tuple[Neighbourhood, Neighbourhood]
) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    coached = [_reviewed(edition, Verdict.FEASIBLE, changes=i < 2) for i in range(8)]
    coached += [_reviewed(edition, Verdict.FEASIBLE_AFTER_CHANGES, changes=True)]
    coached += [_reviewed(edition, Verdict.NOT_FEASIBLE) for _ in range(3)]
    for i, plan in enumerate(coached):
        _coach(plan, official, via_idea=i % 3 == 0, neighbourhood=places[0])
    factories.make_plan(edition=edition)  # coached too but not reviewed: not in the comparison
    prechecked = [_reviewed(edition, Verdict.FEASIBLE) for _ in range(3)]
    for plan in prechecked:
        _prechecked(plan, official)
    _prechecked(coached[0], official)  # coached and pre-checked: in both groups
    others = [_reviewed(edition, Verdict.FEASIBLE) for _ in range(6)]
    others += [_reviewed(edition, Verdict.NOT_FEASIBLE, changes=True) for _ in range(4)]
    _prechecked(others[0], official, answered=False)  # asked, never answered: not pre-checked

    tracks = {row["group"]: row for row in funnel_figures(edition)["ideas"]["review_by_track"]}

    assert tracks["coached"] == {
        "group": "coached",
        "reviewed": 12,
        "too_few": False,
        "feasible": 9,
        "feasible_share": 75.0,
        "not_feasible": 3,
        "not_feasible_share": 25.0,
        "changes_requested": 3,
        "changes_requested_share": 25.0,
    }
    assert tracks["prechecked"]["reviewed"] == 4 and tracks["prechecked"]["too_few"]
    assert tracks["prechecked"]["feasible"] is None and tracks["prechecked"]["feasible_share"] is None
    assert (tracks["others"]["reviewed"], tracks["others"]["feasible"], tracks["others"]["not_feasible"]) == (
        10,
        6,
        4,
    )
    assert tracks["others"]["changes_requested_share"] == 40.0

    with translation.override("en"):
        block = funnel_block(funnel_figures(edition), {})
    compared = next(t for t in block.tables if t.caption.startswith("How coached"))
    assert compared.rows[0][:3] == ["Coached plans", "12", "9 (75.0 %)"]
    assert compared.rows[1][2] == "too few to compare"


def test_the_ideas_cost_a_fixed_number_of_queries(
    edition: Edition, places: tuple[Neighbourhood, Neighbourhood]
) -> None:
    _idea(edition, places[0], plan=factories.make_plan(edition=edition))
    few = query_count(funnel_figures, edition)
    for _ in range(5):
        plan = _reviewed(edition, Verdict.FEASIBLE, changes=True)
        _idea(edition, places[1], plan=plan)
    assert query_count(funnel_figures, edition) == few


def test_the_report_starts_the_funnel_at_the_ideas(
    edition: Edition, places: tuple[Neighbourhood, Neighbourhood]
) -> None:
    plan = factories.make_plan(edition=edition, submitted_at=NOW - 30 * DAY)
    _idea(edition, places[0], posted=NOW - 40 * DAY, plan=plan)
    _idea(edition, places[1])
    with translation.override("en"):
        block = funnel_block(funnel_figures(edition), {})
    chart = block.charts[0]
    assert list(chart.categories[:3]) == ["Ideas posted", "Ideas that became a plan", "Plans started"]
    assert chart.series[0].values[:3] == [2, 1, 1]
    assert [fact.value for fact in block.facts] == ["10.0"]
    assert any(table.caption == "Ideas per neighbourhood" for table in block.tables)
