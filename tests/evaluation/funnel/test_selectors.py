"""The funnel figures on small hand-made editions, the right answers worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from accounts.models import Role
from evaluation.funnel.selectors import funnel_figures
from execution.models import Agreement, HelpRequest, Project, ProjectStatus
from proposals.models import Plan, PlanRevision, PlanStatus
from review.models import (
    ChangeRequest,
    CheckOutcome,
    ReviewCheck,
    ShortlistEntry,
    ShortlistPublication,
    Verdict,
)
from tests import factories
from tests.execution.factories import published_projects
from tests.outcomes.factories import make_closed_vote, make_official

from .helpers import NOW, query_count

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def _dated(plan: Plan, *, submitted: datetime, took_days: int) -> None:
    Plan.objects.filter(pk=plan.pk).update(submitted_at=submitted, created_at=submitted - took_days * DAY)


def _project(plan: Plan, *, opened: datetime, **fields: Any) -> Project:
    return Project.objects.create(
        plan=plan, edition=plan.edition, chosen_by="vote", opened_at=opened, **fields
    )


def _agreement(project: Project, number: int, in_force: datetime, **fields: Any) -> None:
    by = project.plan.initiator
    Agreement.objects.create(
        project=project,
        number=number,
        terms={},
        change_reason="" if number == 1 else "Later",
        proposed_by=by,
        initiators_confirmed_at=in_force,
        district_confirmed_at=in_force,
        in_force_at=in_force,
        **fields,
    )


def _help(project: Project, asked: datetime, answered: datetime | None) -> None:
    HelpRequest.objects.create(
        project=project,
        question="Hoe?",
        asked_by=project.plan.initiator,
        asked_at=asked,
        answer="Zo." if answered else "",
        answered_at=answered,
    )


@pytest.fixture
def hand_made(freeze_time: Callable[[datetime], None]) -> Any:
    """Seven plans in an edition now carrying out its projects (likes needed: 2), one at each step:
    p1 draft (Osdorp, Groen), p2 submitted with 1 like (Osdorp, Groen), p3 withdrawn (Slotervaart, Sport),
    p4 not feasible: legal and financial not OK (Slotervaart, Groen), p5 feasible (Osdorp, Sport),
    p6 in execution (whole district, Groen), p7 completed (Slotervaart, Sport)."""
    freeze_time(NOW)
    district = factories.make_district(name="Nieuw-West")
    osdorp = factories.make_neighbourhood(district=district, name="Osdorp")
    sloter = factories.make_neighbourhood(district=district, name="Slotervaart")
    edition = factories.make_edition_in_phase("execution", district=district, support_threshold=2)
    green = factories.make_theme(edition=edition, name="Groen")
    sport = factories.make_theme(edition=edition, name="Sport")

    def plan(status: str, place: Any, theme: Any) -> Plan:
        return factories.make_plan(edition=edition, status=status, neighbourhood=place, theme=theme)

    p1 = plan(PlanStatus.DRAFT, osdorp, green)
    p2 = plan(PlanStatus.SUBMITTED, osdorp, green)
    factories.make_likes(plan=p2, count=1)
    p3 = plan(PlanStatus.WITHDRAWN, sloter, sport)
    p4 = plan(PlanStatus.SUBMITTED, sloter, green)
    review = factories.make_review(plan=p4, verdict=Verdict.NOT_FEASIBLE, public_explanation="Mag niet.")
    ReviewCheck.objects.filter(review=review, criterion__key__in=["legal", "financial"]).update(
        outcome=CheckOutcome.NOT_OK
    )
    p5 = plan(PlanStatus.SUBMITTED, osdorp, sport)
    factories.make_likes(plan=p5, count=3)
    factories.make_review(plan=p5, verdict=Verdict.FEASIBLE)
    p6 = plan(PlanStatus.IN_EXECUTION, None, green)
    p7 = plan(PlanStatus.COMPLETED, sloter, sport)
    for published, status in ((p4, PlanStatus.NOT_FEASIBLE), (p5, PlanStatus.FEASIBLE)):
        Plan.objects.filter(pk=published.pk).update(status=status)
        type(review).objects.filter(plan=published).update(published_at=NOW)
    # Creation to submission: 2, 4, 6, 1, 3, 5 days (median 3.5); submission to verdict (recorded now):
    # 10 and 20 days (median 15).
    _dated(p2, submitted=NOW - 30 * DAY, took_days=2)
    _dated(p3, submitted=NOW - 30 * DAY, took_days=4)
    _dated(p4, submitted=NOW - 10 * DAY, took_days=6)
    _dated(p5, submitted=NOW - 20 * DAY, took_days=1)
    _dated(p6, submitted=NOW - 30 * DAY, took_days=3)
    _dated(p7, submitted=NOW - 30 * DAY, took_days=5)
    # Change requests answered after 2 days (a revision, before the review noticed) and 1 day.
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    ChangeRequest.objects.create(
        plan=p5,
        message="Graag",
        deadline=NOW,
        requested_by=official,
        created_at=NOW - 19 * DAY,
        resolved_at=NOW - 15 * DAY,
    )
    PlanRevision.objects.create(
        plan=p5, number=2, created_at=NOW - 17 * DAY, author=p5.initiator, snapshot={}
    )
    ChangeRequest.objects.create(
        plan=p4,
        message="Graag",
        deadline=NOW,
        requested_by=official,
        created_at=NOW - 9 * DAY,
        resolved_at=NOW - 8 * DAY,
    )
    # Projects: agreements in force after 10 and 20 days (median 15), help answered after 1 and 3 days
    # (median 2, one unanswered), p7 completed after 60 days.
    six = _project(p6, opened=NOW - 60 * DAY, status=ProjectStatus.RUNNING)
    seven = _project(p7, opened=NOW - 90 * DAY, status=ProjectStatus.COMPLETED, completed_at=NOW - 30 * DAY)
    _agreement(six, 1, NOW - 50 * DAY)
    _agreement(seven, 1, NOW - 70 * DAY, superseded_at=NOW - 40 * DAY)
    _agreement(seven, 2, NOW - 40 * DAY)
    _help(six, NOW - 45 * DAY, NOW - 44 * DAY)
    _help(seven, NOW - 80 * DAY, NOW - 77 * DAY)
    _help(seven, NOW - 5 * DAY, None)
    return edition, [p1, p2, p3, p4, p5, p6, p7]


def _stages(*counts: int) -> dict[str, int]:
    keys = ("started", "submitted", "supported", "feasible", "on_ballot", "chosen", "completed")
    return dict(zip(keys, counts, strict=True))


def test_every_plan_counts_up_to_the_furthest_stage_it_reached(hand_made: Any) -> None:
    edition, _plans = hand_made
    figures = funnel_figures(edition)
    assert figures["stages"] == [{"key": k, "count": n} for k, n in _stages(7, 6, 4, 3, 3, 2, 1).items()]
    assert figures["by_neighbourhood"] == [
        {"slug": "osdorp", "name": "Osdorp", "stages": _stages(3, 2, 1, 1, 1, 0, 0)},
        {"slug": "slotervaart", "name": "Slotervaart", "stages": _stages(3, 3, 2, 1, 1, 1, 1)},
        {"slug": "", "name": "", "stages": _stages(1, 1, 1, 1, 1, 1, 0)},
    ]
    assert figures["by_theme"] == [
        {"slug": "groen", "name": "Groen", "stages": _stages(4, 3, 2, 1, 1, 1, 0)},
        {"slug": "sport", "name": "Sport", "stages": _stages(3, 3, 2, 2, 2, 1, 1)},
    ]


def test_dropouts_name_the_reason_and_the_criteria_that_were_not_ok(hand_made: Any) -> None:
    edition, _plans = hand_made
    assert funnel_figures(edition)["dropouts"] == [
        {"reason": "not_submitted", "count": 1},
        {"reason": "withdrawn", "count": 1},
        {"reason": "too_few_likes", "count": 1},
        {"reason": "not_feasible", "count": 1},
        {"reason": "not_feasible:legal", "count": 1, "criterion": "Legal"},
        {"reason": "not_feasible:financial", "count": 1, "criterion": "Financial"},
        {"reason": "not_shortlisted", "count": 0},
        {"reason": "not_chosen", "count": 0},
        {"reason": "cancelled", "count": 0},
    ]


def test_durations_are_median_days_per_step_and_side(hand_made: Any) -> None:
    edition, _plans = hand_made
    assert funnel_figures(edition)["durations"] == [
        {"key": "submit", "side": "resident", "median_days": 3.5, "n": 6},
        {"key": "review", "side": "district", "median_days": 15.0, "n": 2},
        {"key": "changes", "side": "resident", "median_days": 1.5, "n": 2},
        {"key": "agreement", "side": "both", "median_days": 15.0, "n": 2},
        {"key": "help", "side": "district", "median_days": 2.0, "n": 2},
        {"key": "completion", "side": "both", "median_days": 60.0, "n": 1},
    ]


def test_an_edition_without_plans_has_empty_stages_and_no_medians(
    freeze_time: Callable[[datetime], None],
) -> None:
    freeze_time(NOW)
    edition = factories.make_edition()
    figures = funnel_figures(edition)
    assert [s["count"] for s in figures["stages"]] == [0] * 7
    assert {d["median_days"] for d in figures["durations"]} == {None}
    assert {d["n"] for d in figures["durations"]} == {0}


def test_the_published_result_decides_chosen_and_not_chosen() -> None:
    # Four plans on the ballot; the vote chose plans 0 and 2 (tests.execution.factories).
    edition, _plans, _official, projects = published_projects()
    figures = funnel_figures(edition)
    assert [s["count"] for s in figures["stages"]] == [4, 4, 4, 4, 4, 2, 0]
    reasons = {d["reason"]: d["count"] for d in figures["dropouts"]}
    assert reasons["not_chosen"] == 2 and reasons["cancelled"] == 0
    Project.objects.filter(pk=projects[1].pk).update(
        status=ProjectStatus.STOPPED, stopped_at=projects[1].opened_at, stop_reason="Geen vrijwilligers."
    )
    figures = funnel_figures(edition)
    reasons = {d["reason"]: d["count"] for d in figures["dropouts"]}
    assert reasons["cancelled"] == 1 and figures["stages"][5] == {"key": "chosen", "count": 2}


def test_only_the_published_shortlist_goes_to_the_decision() -> None:
    edition, plans = make_closed_vote()
    official = make_official(edition)
    for plan in plans[:2]:
        ShortlistEntry.objects.create(edition=edition, plan=plan, reason="Sterk plan", chosen_by=official)
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.SHORTLISTED)
    ShortlistPublication.objects.create(edition=edition, published_by=official)
    figures = funnel_figures(edition)
    assert [s["count"] for s in figures["stages"]] == [4, 4, 4, 4, 2, 0, 0]
    assert {d["reason"]: d["count"] for d in figures["dropouts"]}["not_shortlisted"] == 2


def test_the_funnel_runs_as_many_queries_with_many_plans_as_with_few(hand_made: Any) -> None:
    edition, plans = hand_made
    few = query_count(funnel_figures, edition)
    for _ in range(15):
        factories.make_plan(edition=edition, status=PlanStatus.SUBMITTED, theme=plans[1].theme)
    assert query_count(funnel_figures, edition) == few
    assert few <= 15
