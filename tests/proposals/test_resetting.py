"""Putting a plan back as recorded (the demo's reload): status and cost lines, checked like an initiator's."""

from __future__ import annotations

import pytest

from proposals.models import Plan, PlanStatus
from proposals.services.resetting import reset_plan
from proposals.services.submission import CostLineInput, withdraw_plan
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _state(plan: Plan) -> tuple[str, list[tuple[str, int]]]:
    plan.refresh_from_db()
    return plan.status, list(plan.cost_lines.order_by("position").values_list("description", "amount_cents"))


def test_a_withdrawn_plan_is_put_back_with_its_status_and_cost_lines() -> None:
    edition = factories.make_edition()
    plan = factories.make_plan(edition=edition, costs=(100_000, 200_000))
    withdraw_plan(plan=plan, by=plan.initiator)
    lines = [CostLineInput(description="Bankjes", amount_cents=150_000)]
    reset_plan(plan=plan, status=PlanStatus.SUBMITTED, cost_lines=lines)
    assert _state(plan) == (PlanStatus.SUBMITTED, [("Bankjes", 150_000)])


def test_cost_lines_over_the_maximum_are_refused_and_the_plan_stays_as_it_was() -> None:
    edition = factories.make_edition(max_plan_cost_cents=1_000_000)
    plan = factories.make_plan(edition=edition, status=PlanStatus.WITHDRAWN)
    lines = [CostLineInput(description="Kunstgras", amount_cents=2_000_000)]
    refused(
        lambda: reset_plan(plan=plan, status=PlanStatus.SUBMITTED, cost_lines=lines),
        "over_max_cost",
        unchanged=lambda: _state(plan),
    )
