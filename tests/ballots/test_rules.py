"""Ballot validation: every format's rules, and every refusal names its problem."""

from __future__ import annotations

from typing import Any

import pytest

from ballots.errors import BallotError
from ballots.rules import BallotRules, validate_ballot
from ballots.sections import BallotPlan, Section
from editions.models import BallotFormat
from tests.refusals import refused


def _plan(pk: int, cost: int) -> BallotPlan:
    return BallotPlan(pk, f"Plan {pk}", "", cost, "", "Groen", "", "")


NOORD = Section("n-noord", "Noord", 10_000, (_plan(1, 6_000), _plan(2, 4_000), _plan(3, 3_000)))
ZUID = Section("n-zuid", "Zuid", 5_000, (_plan(4, 5_000), _plan(5, 1_000)))
SECTIONS = (NOORD, ZUID)


def rules(fmt: str, k: int | None = None, points: int = 10) -> BallotRules:
    return BallotRules(fmt, k, points)


def refusal(raw: Any, ballot_rules: BallotRules) -> str:
    return refused(
        lambda: validate_ballot(raw, sections=SECTIONS, rules=ballot_rules), error=BallotError
    ).code


def test_approval_ids_are_sorted_and_may_be_strings() -> None:
    content = validate_ballot(
        {"n-noord": ["3", 1], "n-zuid": [5]}, sections=SECTIONS, rules=rules(BallotFormat.APPROVAL, k=2)
    )
    assert content == {"n-noord": [1, 3], "n-zuid": [5]}


def test_an_empty_section_is_left_out_but_an_empty_ballot_is_refused() -> None:
    assert validate_ballot({"n-noord": [2], "n-zuid": []}, sections=SECTIONS, rules=rules("approval")) == {
        "n-noord": [2]
    }
    assert refusal({"n-noord": [], "n-zuid": []}, rules("approval")) == "empty_ballot"
    assert refusal({}, rules("approval")) == "empty_ballot"


def test_approval_over_k_is_refused_per_section() -> None:
    assert refusal({"n-noord": [1, 2, 3]}, rules(BallotFormat.APPROVAL, k=2)) == "too_many_plans"


def test_knapsack_within_the_section_budget_is_accepted_and_over_it_refused() -> None:
    ok = validate_ballot({"n-noord": [1, 2]}, sections=SECTIONS, rules=rules(BallotFormat.KNAPSACK))
    assert ok == {"n-noord": [1, 2]}
    assert refusal({"n-noord": [1, 2, 3]}, rules(BallotFormat.KNAPSACK)) == "over_budget"
    assert refusal({"n-zuid": [4, 5]}, rules(BallotFormat.KNAPSACK)) == "over_budget"


def test_the_over_budget_message_names_the_amounts() -> None:
    with pytest.raises(BallotError) as refused:
        validate_ballot({"n-noord": [1, 2, 3]}, sections=SECTIONS, rules=rules(BallotFormat.KNAPSACK))
    assert "130" in refused.value.message and "100" in refused.value.message


def test_ranking_keeps_the_order_and_refuses_more_than_k() -> None:
    content = validate_ballot({"n-noord": [3, 1]}, sections=SECTIONS, rules=rules(BallotFormat.RANKING, k=2))
    assert content == {"n-noord": [3, 1]}
    assert refusal({"n-noord": [3, 1, 2]}, rules(BallotFormat.RANKING, k=2)) == "too_many_plans"


def test_cumulative_points_up_to_the_total_are_kept_without_zeros() -> None:
    content = validate_ballot(
        {"n-noord": {"1": 6, "2": 0, "3": 4}}, sections=SECTIONS, rules=rules(BallotFormat.CUMULATIVE)
    )
    assert content == {"n-noord": [[1, 6], [3, 4]]}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ({"n-noord": {"1": 6, "3": 5}}, "too_many_points"),
        ({"n-noord": {"1": -1}}, "points_negative"),
        ({"n-noord": {"1": 1.5}}, "points_not_whole"),
        ({"n-noord": {"1": "twee"}}, "points_not_whole"),
        ({"n-noord": [1, 2]}, "wrong_format"),
        ({"n-noord": {"4": 1}}, "unknown_plan"),
    ],
)
def test_cumulative_refusals(raw: Any, code: str) -> None:
    assert refusal(raw, rules(BallotFormat.CUMULATIVE)) == code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ([1, 2], "wrong_format"),
        ("1,2", "wrong_format"),
        ({"n-noord": "1"}, "wrong_format"),
        ({"n-noord": [True]}, "wrong_format"),
        ({"n-noord": [1.0]}, "wrong_format"),
        ({"n-noord": [{"id": 1}]}, "wrong_format"),
        ({"n-noord": [4]}, "unknown_plan"),
        ({"n-noord": [99]}, "unknown_plan"),
        ({"n-noord": [1, 1]}, "duplicate_plan"),
        ({"n-noord": [1, "1"]}, "duplicate_plan"),
        ({"main": [1]}, "unknown_section"),
    ],
)
@pytest.mark.parametrize("fmt", [BallotFormat.APPROVAL, BallotFormat.KNAPSACK, BallotFormat.RANKING])
def test_list_format_refusals(raw: Any, code: str, fmt: str) -> None:
    assert refusal(raw, rules(fmt)) == code


def test_every_refusal_has_a_dutch_and_an_english_message() -> None:
    from django.utils import translation

    for code in BallotError.messages:
        params = {"plan": 1, "given": 3, "allowed": 2, "section": "Noord", "cost": "€ 1", "budget": "€ 1"}
        error = BallotError(code, **params)
        with translation.override("en"):
            english = error.message
        with translation.override("nl"):
            dutch = error.message
        assert english and dutch and english != dutch, code
