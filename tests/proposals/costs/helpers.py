"""Reviewed plans with hand-made cost lines, for the typical costs' tests."""

from __future__ import annotations

from collections.abc import Sequence

from editions.models import Edition
from places.models import District
from proposals.models import CostLine, Plan, PlanStatus
from tests import factories


def past_edition(district: District, *, year: int = 2026) -> Edition:
    """An earlier edition of ``district`` whose phases are over (its verdicts published long ago)."""
    return factories.make_edition(district=district, name=f"Buurtbudget {district.name} {year}", year=year)


def reviewed_plan(
    edition: Edition,
    lines: Sequence[tuple[str, int]],
    *,
    status: str = PlanStatus.FEASIBLE,
    reviewed_cost_cents: int | None = None,
    title: str | None = None,
) -> Plan:
    """A plan of ``edition`` with exactly ``lines`` (description, cents) in ``status``."""
    plan = factories.make_plan(edition=edition, status=status, costs=[], title=title)
    CostLine.objects.bulk_create(
        CostLine(plan=plan, description=description, amount_cents=amount, position=i)
        for i, (description, amount) in enumerate(lines)
    )
    if reviewed_cost_cents is not None:
        Plan.objects.filter(pk=plan.pk).update(reviewed_cost_cents=reviewed_cost_cents)
    return plan


def benches(edition: Edition, amounts: Sequence[int], *, status: str = PlanStatus.FEASIBLE) -> list[Plan]:
    """One reviewed plan per amount, each with one bench line ("Bankje …") and an unrelated line."""
    return [
        reviewed_plan(edition, [(f"Bankje nummer {i}", amount), ("Koffie en thee", 5_000)], status=status)
        for i, amount in enumerate(amounts)
    ]
