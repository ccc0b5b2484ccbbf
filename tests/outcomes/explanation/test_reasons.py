"""Why a plan won or lost, on hand-made elections where the deciding fact is known: the texts name it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import pytest
from django.utils import translation

from outcomes.engine import count_instance, outcome_data, section_facts
from outcomes.explanation import PlanExplanation, explain_section
from pbrules import Ballot, Election, Project, to_instance

TITLES = {"1": "Speeltuin", "2": "Buurtfeest", "3": "Bankjes", "4": "Moestuin"}


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def explained(
    costs_in_euros: Sequence[int], budget_in_euros: int, ballots: Sequence[str], rule: str = "mes"
) -> dict[str, PlanExplanation]:
    """Count plans "1".."n" (costs and budget in euros, stored as cents, as a count does) with approval
    ballots like "1,3", compute the facts the way the count does, and explain every plan by title."""
    election = Election(
        meta=(),
        projects=tuple(Project(str(i), Fraction(c * 100)) for i, c in enumerate(costs_in_euros, 1)),
        ballots=tuple(Ballot(str(n), tuple(b.split(","))) for n, b in enumerate(ballots, 1)),
        vote_type="approval",
        budget=Fraction(budget_in_euros * 100),
    )
    instance = to_instance(election)
    outcome = count_instance(instance, rule=rule, satisfaction="cost", completion="exhaustion")
    facts = section_facts(
        instance, rule=rule, satisfaction="cost", trace=outcome.trace, params=dict(outcome.params)
    )
    supporters = {pid: sum(pid in b.split(",") for b in ballots) for pid in TITLES}
    plans: list[dict[str, Any]] = [
        {"id": i, "title": TITLES[str(i)], "cost_cents": c * 100, "supporters": supporters[str(i)]}
        for i, c in enumerate(costs_in_euros, 1)
    ]
    by_id = explain_section(outcome_data(instance, outcome), plans, facts)
    return {TITLES[str(pid)]: e for pid, e in by_id.items()}


def everything(e: PlanExplanation) -> str:
    return " ".join([e.text, *e.reasons, e.comparison])


def test_plan_whose_voters_paid_for_a_plan_they_also_chose_names_that_plan_and_the_amounts() -> None:
    # Four voters with €25 each. Buurtfeest (€40, all four) costs €10 a head and goes first; the three
    # voters of Speeltuin (€70) paid €30 of their €75 for it, and €45 is not enough.
    result = explained([70, 40], 100, ["1,2"] * 3 + ["2"])

    speeltuin = result["Speeltuin"]
    assert not speeltuin.funded
    assert "Buurtfeest" in speeltuin.text
    assert "Buurtfeest (€30)" in speeltuin.reasons[0]
    assert "€75" in speeltuin.reasons[0] and "€45 left" in speeltuin.reasons[0]
    assert "€70" in speeltuin.reasons[0]


def test_plan_that_lost_on_support_says_its_voters_had_less_than_its_cost() -> None:
    # Ten voters with €10 each: Speeltuin (€80) has six voters, €60 in all, less than €80 from the start.
    result = explained([80, 25], 100, ["1"] * 6 + ["2"] * 4)

    speeltuin = result["Speeltuin"]
    assert not speeltuin.funded
    assert speeltuin.text == "Not funded: its voters together had €60 of their shares, less than its cost."
    assert "less than the €80 it costs, even before any plan was funded" in speeltuin.reasons[0]
    assert "Every voter had an equal share of €10" in speeltuin.reasons[0]
    assert speeltuin.reasons[1] == (
        "It would have been funded if it had cost at most €75, or with 7 more voters."
    )


def test_loser_with_more_voters_is_compared_with_the_cheaper_winner_per_voter() -> None:
    # Speeltuin: 6 voters, €80 (€13 a voter); Buurtfeest: 4 voters, €25 (€6.25 a voter), funded.
    result = explained([80, 25], 100, ["1"] * 6 + ["2"] * 4)

    assert result["Speeltuin"].comparison == (
        "Buurtfeest was funded with fewer voters (4 against 6), but it cost €6.25 per voter, "
        "against €13 for this plan."
    )
    assert result["Buurtfeest"].comparison == (
        "Speeltuin had more voters (6 against 4) but was not funded: it cost €13 per voter, "
        "against €6.25 for this plan."
    )


def test_plan_that_lost_on_cost_under_greedy_names_the_money_left_and_its_cost() -> None:
    # Budget €100: Speeltuin (€60, 3 votes) first; Buurtfeest (€50, 2 votes) finds €40 left.
    result = explained([60, 50, 40], 100, ["1"] * 3 + ["2"] * 2 + ["3"], rule="greedy")

    feest = result["Buurtfeest"]
    assert feest.text == "Not funded: when its turn came, €40 was left, and it costs €50."
    assert "(number 2)" in feest.reasons[0] and "most votes first" in feest.reasons[0]
    assert result["Bankjes"].text == "Funded as number 3 in order of votes, supported by 1 voter."
    assert "Bankjes was funded with fewer voters (1 against 2)" in feest.comparison


def test_winner_under_equal_shares_says_what_each_voter_paid_from_their_share() -> None:
    result = explained([70, 40], 100, ["1,2"] * 3 + ["2"])

    feest = result["Buurtfeest"]
    assert feest.funded and feest.round == 1
    assert feest.text == "Funded in round 1: its 4 voters paid €10 each from their equal share."
    assert "Its 4 voters paid for it together from their equal shares: €10 each." in feest.reasons


def test_plan_nobody_chose_says_so() -> None:
    result = explained([70, 40, 65], 100, ["1,2"] * 3 + ["2"])

    assert result["Bankjes"].text == "Not funded: no voter chose this plan."
    assert result["Bankjes"].reasons == ("Nobody voted for this plan.",)


def test_every_plan_gets_at_most_two_reasons_in_dutch_without_english_words() -> None:
    with translation.override("nl"):
        result = explained([70, 40, 65], 100, ["1,2"] * 3 + ["2"] + ["3"])

    for e in result.values():
        assert 1 <= len(e.reasons) <= 2
        text = everything(e).lower()
        for word in (" the ", " voters", " funded", "share", " their ", " was left"):
            assert word not in text, (word, text)
