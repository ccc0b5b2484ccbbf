"""The explanations' facts: stored with a count, computed once for counts stored before, shown per plan."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import pytest
from django.utils import translation

from outcomes.explanation import section_facts_of
from outcomes.models import CountSection
from outcomes.selectors import result_of

from ..factories import make_closed_vote, make_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def _osdorp() -> tuple[CountSection, list[int]]:
    """Ten voters, €60,000: plan 0 (€50,000) has six voters (€36,000 of shares), plan 1 (€20,000) four."""
    edition, plans = make_closed_vote(
        plan_costs=(5_000_000, 2_000_000),
        total_budget_cents=6_000_000,
        choices=[(0,)] * 6 + [(1,)] * 4,
        aggregation_rule="mes",
    )
    section = make_count(edition=edition).sections.get()
    return section, [p.pk for p in plans]


def test_a_count_stores_the_replayed_payments_of_equal_shares() -> None:
    section, (pannaveld, taal) = _osdorp()

    facts = section.facts
    assert facts["rule"] == "mes"
    assert Fraction(str(facts["budget_per_voter"])) >= 600_000
    assert Fraction(str(facts["paid"][str(taal)])) == 2_000_000
    mine = facts["projects"][str(pannaveld)]
    assert mine["supporters"] == 6
    assert Fraction(str(mine["start"])) < 5_000_000


def test_a_count_stored_before_the_facts_gets_them_on_first_read_once() -> None:
    section, _ = _osdorp()
    stored = dict(section.facts)
    CountSection.objects.filter(pk=section.pk).update(facts={})
    section.refresh_from_db()

    assert section_facts_of(section) == stored
    section.refresh_from_db()
    assert section.facts == stored


def test_the_results_page_plans_carry_the_deciding_facts_and_the_comparison() -> None:
    section, (pannaveld, taal) = _osdorp()

    plans = {p.id: p for s in result_of(section.count).sections for p in s.plans}

    lost = plans[pannaveld]
    assert not lost.funded
    assert "less than its cost" in lost.explanation
    assert any("even before any plan was funded" in r for r in lost.reasons)
    assert lost.comparison.startswith(f"{plans[taal].title} was funded with fewer voters (4 against 6)")
    assert plans[taal].comparison.startswith(f"{lost.title} had more voters (6 against 4)")


def test_a_greedy_count_stores_each_plans_turn() -> None:
    edition, plans = make_closed_vote(
        plan_costs=(4_000_000, 3_000_000, 2_000_000),
        total_budget_cents=6_000_000,
        choices=[(0,)] * 3 + [(1,)] * 2 + [(2,)],
        aggregation_rule="greedy",
    )
    section = make_count(edition=edition).sections.get()

    turns = section.facts["turns"]
    assert turns[str(plans[1].pk)] == {"turn": 2, "left": 2_000_000, "funded": False}
    plan = next(p for s in result_of(section.count).sections for p in s.plans if p.id == plans[1].pk)
    assert plan.explanation == "Not funded: when its turn came, €20,000 was left, and it costs €30,000."
