"""The plain-language line per plan on small elections whose answer is known by hand (no facts needed)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import pytest
from django.utils import translation

from outcomes.engine import outcome_data
from outcomes.explanation import explain_section
from pbrules import Ballot, Election, Project, run_rule, to_instance


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def counted(costs: Sequence[int], budget: int, ballots: Sequence[str], rule: str) -> dict[str, Any]:
    """Outcome data for projects "1".."n" with ``costs`` (cents) and approval ballots like "1,3"."""
    election = Election(
        meta=(),
        projects=tuple(Project(str(i), Fraction(c)) for i, c in enumerate(costs, 1)),
        ballots=tuple(Ballot(str(n), tuple(b.split(","))) for n, b in enumerate(ballots, 1)),
        vote_type="approval",
        budget=Fraction(budget),
    )
    instance = to_instance(election)
    return outcome_data(instance, run_rule(instance, rule))


def plans(supporters: Sequence[int]) -> list[dict[str, Any]]:
    return [{"id": i, "supporters": s, "points": None} for i, s in enumerate(supporters, 1)]


def test_greedy_winner_names_its_round_and_supporters() -> None:
    # Plan 1 (€60) has 3 votes, plan 2 (€50) 2, plan 3 (€40) 1; budget €100: 1 then 3 are funded.
    outcome = counted([6000, 5000, 4000], 10000, ["1"] * 3 + ["2"] * 2 + ["3"], "greedy")

    explained = explain_section(outcome, plans([3, 2, 1]))

    assert explained[1].text == "Funded in round 1, supported by 3 voters."
    assert explained[3].text == "Funded in round 2, supported by 1 voter."
    assert explained[1].funded and explained[3].round == 2


def test_greedy_loser_says_what_cost_or_support_would_have_won() -> None:
    # Without plan 2, €40 is left when its turn comes; 2 more votes (4 > 3) would put it first.
    outcome = counted([6000, 5000, 4000], 10000, ["1"] * 3 + ["2"] * 2 + ["3"], "greedy")

    explained = explain_section(outcome, plans([3, 2, 1]))

    assert not explained[2].funded
    assert explained[2].text == "Not funded: it would have needed to cost at most €40, or 2 more supporters."


def test_equal_shares_winner_names_the_price_each_supporter_paid() -> None:
    # Two voters with €50 each; both approve plan 1 (€60): each pays €30.
    outcome = counted([6000, 9000], 10000, ["1,2", "1"], "mes")

    explained = explain_section(outcome, plans([2, 1]))

    assert explained[1].text == "Funded in round 1: its 2 voters paid €30 each from their equal share."


def test_equal_shares_price_is_rounded_up_to_a_whole_cent() -> None:
    step = {"round": 2, "project_id": "7", "phase": "main", "price_per_supporter": "2500/3", "supporters": 2}

    explained = explain_section(
        {"rule": "mes", "selected": ["7"], "trace": [step]}, [{"id": 7, "supporters": 3, "cost_cents": 2000}]
    )

    assert explained[7].text == (
        "Funded in round 2: its voters paid at most €8.34 each from their equal share."
    )


def test_plan_funded_by_the_completion_says_so() -> None:
    step = {"round": 4, "project_id": "7", "phase": "exhaustion", "supporters": 12}

    explained = explain_section({"selected": ["7"], "trace": [step]}, [{"id": 7, "supporters": 12}])

    assert explained[7].text == (
        "Funded in round 4, from the money left after the main rounds; supported by 12 voters."
    )


@pytest.mark.parametrize(
    ("rejection", "text"),
    [
        ({"reason": "no-support"}, "Not funded: no voter chose this plan."),
        ({"reason": "did-not-fit"}, "Not funded: when its turn came, the money left was not enough for it."),
        ({"reason": "not-enough-support"}, "Not funded: other plans had more support for what they cost."),
        ({"reason": "constraint"}, "Not funded: it did not meet a condition of this vote."),
        ({"reason": "something-new"}, "Not funded."),
        (
            {"reason": "did-not-fit", "max_winning_cost": 0},
            "Not funded: when its turn came, the money left was not enough for it.",
        ),
        (
            {"reason": "not-enough-support", "max_winning_cost": 0, "extra_supporters_needed": 3},
            "Not funded: it would have needed 3 more supporters.",
        ),
        (
            {"reason": "did-not-fit", "max_winning_cost": 1830000},
            "Not funded: it would have needed to cost at most €18,300.",
        ),
        (
            {"reason": "did-not-fit", "extra_supporters_needed": 1},
            "Not funded: it would have needed 1 more supporter.",
        ),
    ],
)
def test_loser_without_numbers_gets_a_sentence_for_the_reason(rejection: dict[str, Any], text: str) -> None:
    explained = explain_section(
        {"selected": [], "rejections": [{"project_id": "5", **rejection}]}, [{"id": 5, "supporters": 0}]
    )

    assert explained[5].text == text


def test_cumulative_support_names_the_points() -> None:
    step = {"round": 1, "project_id": "3", "phase": "main"}

    explained = explain_section(
        {"selected": ["3"], "trace": [step]}, [{"id": 3, "supporters": 1204, "points": 3100}]
    )

    assert explained[3].text == "Funded in round 1, supported by 1,204 voters (3,100 points)."


def test_dutch_amounts_use_dutch_notation() -> None:
    with translation.override("nl"):
        explained = explain_section(
            {"selected": [], "rejections": [{"project_id": "5", "reason": "x", "max_winning_cost": 1830000}]},
            [{"id": 5, "supporters": 0}],
        )

    assert "€\N{NO-BREAK SPACE}18.300" in explained[5].text
