"""The rule picture is drawn from the stored trace of the section with most voters."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from outcomes.rulepicture import rule_picture
from outcomes.rulepicture.selectors import WIDTH
from outcomes.selectors import result_of

from ..factories import make_closed_vote, make_count

pytestmark = pytest.mark.django_db


def test_picture_has_a_bar_per_funded_plan_in_the_order_of_the_trace_and_the_money_left() -> None:
    edition, plans = make_closed_vote(choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2, aggregation_rule="mes")
    result = result_of(make_count(edition=edition))
    section = result.sections[0]
    outcome = section.section.outcome
    share = Fraction(outcome["params"]["budget_per_voter"])
    titles = {p.pk: p.title for p in plans}
    supporters = {p.id: p.supporters for p in section.plans}

    picture = rule_picture(result.sections)

    assert picture is not None
    assert [r.title for r in picture.rows] == [titles[int(s["project_id"])] for s in outcome["trace"]]
    assert [r.cost_cents for r in picture.rows] == [int(s["cost"]) for s in outcome["trace"]]
    assert picture.spent_cents == section.funded_cents
    assert picture.unspent_cents == section.section.budget_cents - section.funded_cents
    assert picture.first_share_cents == section.section.budget_cents // section.section.voters
    for row, step in zip(picture.rows, outcome["trace"], strict=True):
        everyone = supporters[int(step["project_id"])]
        assert row.supporters == everyone  # all who chose it, not only those who still had money
        assert row.shares_cents == math.floor(share * everyone / 100) * 100
        assert row.paid_each_cents == math.ceil(Fraction(str(step["price_per_supporter"])))
        budget = section.section.budget_cents
        assert row.cost_length == pytest.approx(WIDTH * row.cost_cents / budget, abs=0.1)
        assert row.cost_length <= row.shares_length  # its supporters could pay for it from their shares


def test_most_votes_first_has_no_shares_to_draw() -> None:
    edition, _ = make_closed_vote(choices=[[0]] * 5 + [[1, 2]] * 3, aggregation_rule="greedy")
    result = result_of(make_count(edition=edition))

    picture = rule_picture(result.sections)

    assert picture is not None and not picture.is_equal_shares
    assert all(r.shares_cents is None and r.shares_length == 0 for r in picture.rows)
    assert picture.spent_cents == result.funded_cents


def test_no_picture_without_a_trace() -> None:
    edition, _ = make_closed_vote(choices=[[0]] * 3, aggregation_rule="mes")
    count = make_count(edition=edition)
    count.sections.update(outcome={})

    assert rule_picture(result_of(count).sections) is None
