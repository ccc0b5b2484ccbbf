"""The delivery figures: projects by state, time to completion and the ledger's totals, worked out by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evaluation.delivery.selectors import delivery_figures
from execution.models import Project, ProjectLine, ProjectStatus
from tests.evaluation.funnel.helpers import query_count
from tests.execution.factories import add_line, published_projects

pytestmark = pytest.mark.django_db


def test_projects_time_and_money_add_up_over_the_ledger() -> None:
    # Two projects: 40,000.00 and 20,000.00 euro awarded (the plans' costs), on one line each.
    edition, _plans, _official, (first, second) = published_projects()
    Project.objects.filter(pk=first.pk).update(
        status=ProjectStatus.COMPLETED, completed_at=first.opened_at + timedelta(days=30, hours=12)
    )
    # The first spent 35,000 of what it was paid (38,000) and returned the 2,000 never paid out.
    ProjectLine.objects.filter(project=first).update(
        paid_cents=3_800_000, spent_cents=3_500_000, returned_cents=200_000
    )
    # The second got a top-up line of 500 euro, was paid 1,000 and stopped.
    add_line(second, awarded_cents=50_000)
    ProjectLine.objects.filter(project=second, position=0).update(paid_cents=100_000)
    Project.objects.filter(pk=second.pk).update(
        status=ProjectStatus.STOPPED, stopped_at=second.opened_at, stop_reason="Geen locatie."
    )
    assert delivery_figures(edition) == {
        "projects": 2,
        "completed": 1,
        "stopped": 1,
        "in_progress": 0,
        "median_days_to_completion": 30.5,
        "awarded_cents": 6_050_000,
        "paid_cents": 3_900_000,
        "spent_cents": 3_500_000,
        "returned_cents": 200_000,
    }


def test_an_edition_without_projects_has_zeros_and_no_median() -> None:
    from tests.factories import make_edition

    figures = delivery_figures(make_edition())
    assert figures["projects"] == figures["awarded_cents"] == 0
    assert figures["median_days_to_completion"] is None


def test_delivery_runs_two_queries_however_many_projects() -> None:
    edition, *_ = published_projects()
    assert query_count(delivery_figures, edition) == 2
