"""Plan reads: public plans only, filters, search, sorting by the sum of cost lines."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from editions.models import Edition
from places.models import District
from proposals.models import CostLine, Like, Plan, PlanStatus
from proposals.selectors import PlanFilter, filter_plans, plan_counts_by_status, plan_for_detail, public_plans
from tests import factories

pytestmark = pytest.mark.django_db


def titles(plan_filter: PlanFilter) -> list[str]:
    return [plan.title for plan in filter_plans(plan_filter)]


def cost_shown_for(plan: Plan) -> int:
    """The cost the public pages show: the selector's annotation."""
    cost: int = public_plans().get(pk=plan.pk).cost_cents  # type: ignore[attr-defined]
    return cost


def test_a_plans_cost_is_the_sum_of_its_lines(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, costs=[125_000, 50_050, 1])
    assert cost_shown_for(plan) == 175_051


def test_a_plan_without_cost_lines_costs_nothing(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, costs=[])
    assert cost_shown_for(plan) == 0


@pytest.mark.parametrize("amount", [0, -100])
def test_the_database_refuses_a_cost_line_that_is_not_positive(edition: Edition, amount: int) -> None:
    plan = factories.make_plan(edition=edition)
    with pytest.raises(IntegrityError), transaction.atomic():
        CostLine.objects.create(plan=plan, description="Niets", amount_cents=amount)
    assert list(plan.cost_lines.values_list("amount_cents", flat=True)) == [100_000]


def test_the_database_refuses_a_cost_line_without_description(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition)
    with pytest.raises(IntegrityError), transaction.atomic():
        CostLine.objects.create(plan=plan, description="", amount_cents=100)


def test_the_database_refuses_a_submitted_plan_without_a_submission_date(edition: Edition) -> None:
    draft = factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=draft.pk).update(status=PlanStatus.SUBMITTED)


def test_drafts_are_never_public(edition: Edition) -> None:
    draft = factories.make_plan(edition=edition, status=PlanStatus.DRAFT, title="Geheim")
    factories.make_plan(edition=edition, title="Openbaar")
    assert titles(PlanFilter()) == ["Openbaar"]
    assert plan_for_detail(draft.pk) is None
    assert plan_counts_by_status(edition) == {PlanStatus.SUBMITTED: 1}


def test_filters_by_edition_neighbourhood_theme_and_status(edition: Edition, district: District) -> None:
    west = factories.make_neighbourhood(district=district, name="Slotervaart")
    east = factories.make_neighbourhood(district=district, name="Osdorp")
    green, sport = edition.themes.order_by("name")
    other = factories.make_edition(district=district)
    factories.make_plan(edition=edition, title="A", neighbourhood=west, theme=green)
    factories.make_plan(
        edition=edition, title="B", neighbourhood=east, theme=green, status=PlanStatus.FEASIBLE
    )
    factories.make_plan(
        edition=edition, title="C", neighbourhood=west, theme=sport, status=PlanStatus.FEASIBLE
    )
    factories.make_plan(edition=other, title="D", neighbourhood=west)
    assert sorted(titles(PlanFilter(edition=edition))) == ["A", "B", "C"]
    assert sorted(titles(PlanFilter(neighbourhood=west))) == ["A", "C", "D"]
    assert sorted(titles(PlanFilter(edition=edition, theme_slug=green.slug))) == ["A", "B"]
    assert sorted(titles(PlanFilter(status=PlanStatus.FEASIBLE))) == ["B", "C"]
    assert titles(PlanFilter(neighbourhood=west, theme_slug=sport.slug, status=PlanStatus.FEASIBLE)) == ["C"]


def test_search_matches_every_word_in_title_summary_or_description(edition: Edition) -> None:
    factories.make_plan(edition=edition, title="Moestuin aan de Sloterplas", summary="Groente kweken")
    factories.make_plan(edition=edition, title="Speeltuin", description="Een nieuwe glijbaan bij de moestuin")
    factories.make_plan(edition=edition, title="Buurtfeest", summary="Muziek op het plein")
    assert sorted(titles(PlanFilter(query="moestuin"))) == ["Moestuin aan de Sloterplas", "Speeltuin"]
    assert titles(PlanFilter(query="MOESTUIN groente")) == ["Moestuin aan de Sloterplas"]
    assert titles(PlanFilter(query="onbekend")) == []


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("cost_asc", ["Goedkoop", "Middel", "Duur"]),
        ("cost_desc", ["Duur", "Middel", "Goedkoop"]),
        ("title", ["Duur", "Goedkoop", "Middel"]),
        ("newest", ["Middel", "Goedkoop", "Duur"]),
        ("oldest", ["Duur", "Goedkoop", "Middel"]),
        ("nonsense", ["Middel", "Goedkoop", "Duur"]),
    ],
)
def test_sorting(edition: Edition, sort: str, expected: list[str]) -> None:
    now = timezone.now()
    # The most expensive plan has the cheapest single line: sorting must use the sum of the lines.
    factories.make_plan(
        edition=edition, title="Duur", costs=[100, 90_000, 90_000], submitted_at=now - timedelta(days=3)
    )
    factories.make_plan(
        edition=edition, title="Goedkoop", costs=[50_000], submitted_at=now - timedelta(days=2)
    )
    factories.make_plan(
        edition=edition, title="Middel", costs=[60_000, 60_000], submitted_at=now - timedelta(days=1)
    )
    assert titles(PlanFilter(sort=sort)) == expected


def test_likes_are_counted_without_multiplying_the_cost(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, costs=[100_000, 50_000, 25_000])
    for _ in range(4):
        Like.objects.create(plan=plan, user=factories.make_user())
    listed = public_plans().get(pk=plan.pk)
    assert (listed.like_count, listed.cost_cents) == (4, 175_000)  # type: ignore[attr-defined]
    assert public_plans().get(pk=factories.make_plan(edition=edition).pk).like_count == 0  # type: ignore[attr-defined]


def test_the_reviewed_cost_replaces_the_lines_once_published(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, costs=[100_000, 50_000])
    Plan.objects.filter(pk=plan.pk).update(reviewed_cost_cents=120_000)
    listed = public_plans().get(pk=plan.pk)
    assert (listed.lines_cost_cents, listed.cost_cents) == (150_000, 120_000)  # type: ignore[attr-defined]
