"""Typical costs on hand-made data: which lines count, the median and spread, too few, the cache."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import pytest
from pytest_django import DjangoAssertNumQueries

from accounts.models import Role
from editions.models import Edition
from places.models import District
from proposals.costs.selectors import (
    MIN_LINES,
    MIN_PLANS,
    Suggestion,
    compare_lines,
    quantile,
    suggestions_for,
    version_stamp,
)
from proposals.models import CostLine, PlanStatus
from review import services as review_services
from review.models import Verdict
from tests import factories

from .helpers import benches, past_edition, reviewed_plan

pytestmark = pytest.mark.django_db

SIX = [60_000, 10_000, 50_000, 20_000, 40_000, 30_000]  # € 100 … € 600, in no order


def bench_suggestion(edition: Edition, description: str = "Twee bankjes met rugleuning") -> Suggestion | None:
    found = [s for s in suggestions_for(edition=edition, description=description) if s.term.key == "bank"]
    return found[0] if found else None


def test_median_quartiles_and_spread_of_hand_made_lines(district: District, edition: Edition) -> None:
    benches(past_edition(district), SIX)
    suggestion = bench_suggestion(edition)
    assert suggestion is not None and suggestion.enough
    assert (suggestion.lines, suggestion.plans) == (6, 6)
    assert suggestion.median_cents == 35_000  # between € 300 and € 400
    assert (suggestion.p25_cents, suggestion.p75_cents) == (22_500, 47_500)
    assert (suggestion.lowest_cents, suggestion.highest_cents) == (10_000, 60_000)
    assert suggestion.term.word == "bankjes"


def test_quantiles_interpolate_between_neighbours() -> None:
    assert quantile([1, 2, 3, 4, 5], Fraction(1, 2)) == 3
    assert quantile([100, 200, 300, 1000], Fraction(1, 2)) == 250
    assert quantile([100, 200, 300, 1000], Fraction(3, 4)) == 475
    assert quantile([7], Fraction(1, 4)) == 7


def test_up_to_five_plans_closest_to_the_median_are_linked(district: District, edition: Edition) -> None:
    plans = benches(past_edition(district), SIX)
    suggestion = bench_suggestion(edition)
    assert suggestion is not None
    by_amount = {plan.cost_lines.get(description__startswith="Bankje").amount_cents: plan for plan in plans}
    linked = [link.pk for link in suggestion.examples]
    assert len(linked) == 5
    assert set(linked[:2]) == {by_amount[30_000].pk, by_amount[40_000].pk}
    assert by_amount[60_000].pk not in linked or by_amount[10_000].pk not in linked
    assert suggestion.examples[0].url == f"/plannen/{suggestion.examples[0].pk}/"


def test_only_plans_judged_feasible_and_published_count(district: District, edition: Edition) -> None:
    earlier = past_edition(district)
    benches(earlier, SIX[:3])
    for status in (PlanStatus.SHORTLISTED, PlanStatus.SELECTED, PlanStatus.IN_EXECUTION):
        benches(earlier, [70_000], status=status)
    for status in (
        PlanStatus.DRAFT,
        PlanStatus.SUBMITTED,
        PlanStatus.IN_REVIEW,  # a verdict recorded but not published stays in review
        PlanStatus.CHANGES_REQUESTED,
        PlanStatus.NOT_FEASIBLE,
        PlanStatus.WITHDRAWN,
        PlanStatus.CANCELLED,
    ):
        benches(earlier, [9_000_000], status=status)
    suggestion = bench_suggestion(edition)
    assert suggestion is not None
    assert (suggestion.lines, suggestion.plans) == (6, 6)
    assert suggestion.highest_cents == 70_000


def test_the_editions_own_plans_never_count_for_it(district: District, edition: Edition) -> None:
    benches(past_edition(district), SIX[:3])
    benches(edition, [9_000_000] * 3)  # already judged feasible in this edition
    suggestion = bench_suggestion(edition)
    assert suggestion is not None
    assert (suggestion.plans, suggestion.enough) == (3, False)
    # … but for another edition they are earlier lines like any other
    later = past_edition(district, year=2028)
    assert bench_suggestion(later).plans == 6  # type: ignore[union-attr]


def test_only_the_same_municipality_counts(district: District, edition: Edition) -> None:
    rotterdam = factories.make_municipality(slug="rotterdam", name="Rotterdam")
    elsewhere = factories.make_district(name="Delfshaven", municipality=rotterdam)
    benches(past_edition(elsewhere), SIX)
    assert bench_suggestion(edition) is None
    other_district = factories.make_district(name="Zuidoost")  # same municipality, other district
    benches(past_edition(other_district), SIX)
    assert bench_suggestion(edition).plans == 6  # type: ignore[union-attr]


def test_too_few_lines_or_plans_give_no_median(district: District, edition: Edition) -> None:
    earlier = past_edition(district)
    benches(earlier, [10_000] * (MIN_LINES - 1))
    suggestion = bench_suggestion(edition)
    assert suggestion is not None
    assert (suggestion.lines, suggestion.enough, suggestion.median_cents) == (MIN_LINES - 1, False, None)
    # enough lines, but from too few plans
    reviewed_plan(earlier, [(f"Bankje {i}", 10_000) for i in range(MIN_LINES)])
    many_lines = bench_suggestion(edition)
    assert many_lines is not None and many_lines.enough  # 9 lines from 5 plans
    plan_count = MIN_PLANS - 1
    other = factories.make_edition(district=district, year=2025)
    for _ in range(plan_count):
        reviewed_plan(other, [(f"Plantenbak {i}", 5_000) for i in range(MIN_LINES)])
    planters = suggestions_for(edition=edition, description="Plantenbakken van hout")
    assert [(s.term.key, s.lines, s.plans, s.enough) for s in planters] == [
        ("plantenbak", 2 * MIN_LINES, plan_count, False)
    ]


def test_a_description_without_known_terms_has_no_suggestions(district: District, edition: Edition) -> None:
    benches(past_edition(district), SIX)
    assert suggestions_for(edition=edition, description="Een luchtkasteel") == []
    assert suggestions_for(edition=edition, description="") == []


def test_lines_are_scaled_to_the_reviewed_cost(district: District, edition: Edition) -> None:
    earlier = past_edition(district)
    for _ in range(5):
        reviewed_plan(earlier, [("Bankje", 100_000), ("Tegels", 100_000)], reviewed_cost_cents=300_000)
    suggestion = bench_suggestion(edition, "bankje")
    assert suggestion is not None and suggestion.median_cents == 150_000


def test_reviewers_see_how_far_each_line_is_from_the_median(district: District, edition: Edition) -> None:
    benches(past_edition(district), SIX)
    plan = reviewed_plan(
        edition,
        [
            ("Twee bankjes", 84_000),
            ("Bank", 17_500),
            ("Koffie, thee", 5_000),
            ("Een luchtkasteel", 1_000),
        ],
        status=PlanStatus.IN_REVIEW,
    )
    compared = compare_lines(edition=edition, lines=plan.cost_lines.all())
    assert [c.difference_percent for c in compared] == [140, -50, 0, None]
    assert [c.difference_size for c in compared] == [140, 50, 0, None]
    assert compared[0].suggestion.median_cents == 35_000  # type: ignore[union-attr]
    assert compared[3].suggestion is None


def test_a_reviewer_is_told_when_there_are_too_few_lines(district: District, edition: Edition) -> None:
    benches(past_edition(district), [10_000, 20_000])
    plan = reviewed_plan(edition, [("Bankje", 15_000)], status=PlanStatus.IN_REVIEW)
    [line] = compare_lines(edition=edition, lines=plan.cost_lines.all())
    assert line.suggestion is not None and not line.suggestion.enough
    assert line.suggestion.plans == 2 and line.difference_percent is None


def test_a_second_look_up_reads_the_cache_with_one_small_query(
    district: District, edition: Edition, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    benches(past_edition(district), SIX)
    first = bench_suggestion(edition)
    with django_assert_num_queries(1):  # the version stamp; the index comes from the cache
        assert bench_suggestion(edition) == first


def test_the_cache_is_renewed_when_a_new_review_is_published(district: District, edition: Edition) -> None:
    benches(past_edition(district), SIX[:3])
    before = bench_suggestion(edition)
    assert before is not None and not before.enough
    stamp = version_stamp(district_id=district.pk)

    in_review = factories.make_edition_in_phase("review", district=district, year=2026)
    for amount in (80_000, 90_000, 100_000):
        plan = reviewed_plan(in_review, [("Bankjes", amount)], status=PlanStatus.SUBMITTED)
        factories.make_review(plan=plan, verdict=Verdict.FEASIBLE)
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    after_review = factories.phase_of(in_review, "review").ends_at + timedelta(minutes=1)
    assert bench_suggestion(edition) == before  # recorded verdicts are not public yet
    review_services.publish_verdicts(edition=in_review, by=official, at=after_review)

    assert version_stamp(district_id=district.pk) != stamp
    after = bench_suggestion(edition)
    assert after is not None and after.enough
    assert (after.plans, after.highest_cents) == (6, 100_000)


def test_a_line_removed_from_a_plan_renews_the_index(district: District, edition: Edition) -> None:
    benches(past_edition(district), SIX)
    assert bench_suggestion(edition).highest_cents == 60_000  # type: ignore[union-attr]
    line = CostLine.objects.get(amount_cents=60_000)
    line.delete()
    line.plan.save()  # as the management pages do when a line of a plan is removed
    after = bench_suggestion(edition)
    assert after is not None and (after.lines, after.highest_cents) == (5, 50_000)
