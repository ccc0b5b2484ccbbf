"""pbrules.why: Equal Shares' payments replayed from the trace, greedy's turns, one voter's part."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import pytest

from pbrules.instance import build_instance
from pbrules.model import Instance, Outcome, Step
from pbrules.pabulib import read_instance
from pbrules.rules.greedy import greedy
from pbrules.rules.mes import equal_shares
from pbrules.why import greedy_turns, replay_shares, voter_payments


def election(costs: dict[str, int], budget: int, ballots: Sequence[Sequence[str]]) -> Instance:
    ids = list(costs)
    rows = [([ids.index(p) for p in b], None, 1) for b in ballots]
    return build_instance(ids, [Fraction(c) for c in costs.values()], Fraction(budget), "approval", rows)


def points_election(costs: dict[str, int], budget: int, ballots: Sequence[dict[str, int]]) -> Instance:
    ids = list(costs)
    rows = [([ids.index(p) for p in b], [Fraction(x) for x in b.values()], 1) for b in ballots]
    return build_instance(ids, [Fraction(c) for c in costs.values()], Fraction(budget), "cumulative", rows)


def share(outcome: Outcome) -> Fraction:
    return Fraction(dict(outcome.params)["budget_per_voter"])


# Four voters with 25 each. C (40, everyone) costs 10 per head and is funded first; A (60, the first three)
# then finds its voters with 15 each: 45 < 60, because they paid 30 for C, which they chose too.
FOUR = election({"A": 60, "C": 40, "D": 50}, 100, [["A", "C"], ["A", "C"], ["A", "C"], ["C"]])


def test_a_loser_whose_voters_paid_for_a_plan_they_also_chose_shows_where_the_money_went() -> None:
    out = equal_shares(FOUR, completion="none")

    replayed = replay_shares(FOUR, out.trace, share(out))

    a = replayed.facts("A")
    assert (a.supporters, a.start, a.cost) == (3, Fraction(75), Fraction(60))
    assert a.paid == (("C", 30.0),)
    assert a.left == Fraction(45)


def test_a_loser_on_support_had_less_than_its_cost_from_the_start() -> None:
    # Two voters with 50 each; B (70) has one voter: 50 < 70 before anything was funded.
    inst = election({"A": 60, "B": 70}, 100, [["A"], ["A", "B"]])
    out = equal_shares(inst, completion="none")

    facts = replay_shares(inst, out.trace, share(out)).facts("B")

    assert (facts.supporters, facts.start, facts.cost) == (1, Fraction(50), Fraction(70))
    assert facts.start < facts.cost


def test_payments_for_each_winner_add_up_to_its_cost() -> None:
    out = equal_shares(FOUR, completion="none")

    replayed = replay_shares(FOUR, out.trace, share(out))

    assert replayed.paid_per_winner == (("C", 40.0),)
    assert replayed.facts("D").supporters == 0 and replayed.facts("D").paid == ()


def test_points_voters_pay_in_proportion_to_their_points() -> None:
    # P (30): the 2-point voter pays 20, the 1-point voter 10 (each had 50).
    inst = points_election({"P": 30, "Q": 500}, 100, [{"P": 2, "Q": 1}, {"P": 1}])
    out = equal_shares(inst, satisfaction="cardinality", completion="none")

    replayed = replay_shares(inst, out.trace, share(out))

    assert replayed.paid_per_winner == (("P", 30.0),)
    q = replayed.facts("Q")
    assert q.paid == (("P", 20.0),) and q.left == 30.0


def test_replay_after_raised_shares_starts_from_the_raised_share() -> None:
    inst = election({"A": 60, "B": 30, "C": 25}, 100, [["A"], ["A", "B"], ["B", "C"], ["C"]])
    out = equal_shares(inst, completion="exhaustion")

    replayed = replay_shares(inst, out.trace, share(out))

    assert replayed.budget_per_voter == share(out) and share(out) >= 25
    paid = dict(replayed.paid_per_winner)
    for step in out.trace:
        if step.phase == "main":
            assert paid[step.project_id] == step.cost


@pytest.mark.parametrize(
    "name", ["Netherlands_Amsterdam_285.pb", "Poland_Warszawa_2019_Anin.pb", "Poland_Lodz_2022.pb"]
)
def test_replay_on_a_real_file_pays_every_winner_its_cost(pabulib_dir: Path, name: str) -> None:
    inst = read_instance(pabulib_dir / name)
    out = equal_shares(inst, explain=False)

    replayed = replay_shares(inst, out.trace, share(out))

    main = [s for s in out.trace if s.phase == "main"]
    assert [pid for pid, _ in replayed.paid_per_winner] == [s.project_id for s in main]
    for (_, paid), step in zip(replayed.paid_per_winner, main, strict=True):
        assert abs(paid - float(step.cost)) <= 1e-9 * float(step.cost)
    for facts in replayed.projects:
        spent = facts.left + sum(a for _, a in facts.paid)
        assert abs(spent - float(facts.start)) <= 1e-9 * float(facts.start)


def test_greedy_turns_give_each_project_its_place_and_the_money_left() -> None:
    # Budget 100: A (60, 3 votes) first, B (50, 2 votes) finds 40 left, C (40, 1 vote) fits in it.
    inst = election({"A": 60, "B": 50, "C": 40}, 100, [["A"]] * 3 + [["B"]] * 2 + [["C"]])

    turns = {t.project_id: t for t in greedy_turns(inst)}

    assert (turns["A"].turn, turns["A"].money_left, turns["A"].funded) == (1, Fraction(100), True)
    assert (turns["B"].turn, turns["B"].money_left, turns["B"].funded) == (2, Fraction(40), False)
    assert (turns["C"].turn, turns["C"].money_left, turns["C"].funded) == (3, Fraction(40), True)
    assert {t.project_id for t in turns.values() if t.funded} == set(greedy(inst).selected)


def test_a_voter_pays_the_price_of_each_chosen_winner_until_their_share_runs_out() -> None:
    out = equal_shares(FOUR, completion="none")

    part = voter_payments(out.trace, share(out), ["A", "C"])

    assert part.share == 25
    assert part.paid == (("C", Fraction(10)),)
    assert part.left == 15
    assert part.funded_from_rest == ()


def test_a_voter_who_has_too_little_left_pays_all_they_have() -> None:
    # Share 40: X's price is 30 (paid in full, 10 left), Y's price is 15 but only 10 is left: pays 10.
    steps = (
        Step(1, "X", Fraction(90), "main", None, 3, Fraction(30)),
        Step(2, "Y", Fraction(45), "main", None, 3, Fraction(15)),
    )

    part = voter_payments(steps, Fraction(40), ["X", "Y"])

    assert part.paid == (("X", Fraction(30)), ("Y", Fraction(10)))
    assert part.left == 0


def test_plans_funded_after_the_main_rounds_cost_a_voter_nothing() -> None:
    steps = (
        Step(1, "C", Fraction(40), "main", None, 4, Fraction(10)),
        Step(2, "D", Fraction(50), "greedy-completion", None, 1),
    )

    part = voter_payments(steps, Fraction(25), ["C", "D"])

    assert part.paid == (("C", Fraction(10)),)
    assert part.funded_from_rest == ("D",)
    assert part.left == 15
