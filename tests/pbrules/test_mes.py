"""Equal Shares on hand-made elections: trace, rejections and their explanations, options, errors."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import pytest

from pbrules.instance import build_instance
from pbrules.model import Instance
from pbrules.rules.mes import equal_shares


def election(
    costs: dict[str, int], budget: int, ballots: Sequence[Sequence[str]], vote_type: str = "approval"
) -> Instance:
    ids = list(costs)
    rows = [([ids.index(p) for p in b], None, 1) for b in ballots]
    return build_instance(ids, [Fraction(c) for c in costs.values()], Fraction(budget), vote_type, rows)  # type: ignore[arg-type]


def points_election(costs: dict[str, int], budget: int, ballots: Sequence[dict[str, int]]) -> Instance:
    ids = list(costs)
    rows = [([ids.index(p) for p in b], [Fraction(x) for x in b.values()], 1) for b in ballots]
    return build_instance(ids, [Fraction(c) for c in costs.values()], Fraction(budget), "cumulative", rows)


# Four voters, 25 each. C (40, everyone) costs 10 per head, A (60, three voters) 20 per head: C first;
# then A's voters have 15 each, 45 < 60. Nobody supports D.
FOUR = election({"A": 60, "C": 40, "D": 50}, 100, [["A", "C"], ["A", "C"], ["A", "C"], ["C"]])


def test_plain_mes_funds_the_cheaper_per_head_project_and_then_runs_out() -> None:
    out = equal_shares(FOUR, completion="none")
    assert out.selected == ("C",)
    assert out.rule == "mes"
    assert out.total_cost == 40 and out.budget == 100
    (step,) = out.trace
    assert (step.round, step.project_id, step.phase) == (1, "C", "main")
    assert step.score == Fraction(1, 4)  # rho: price per unit of (cost) satisfaction
    assert step.price_per_supporter == 10 and step.supporters == 4


def test_rejections_give_reasons_and_what_would_have_won() -> None:
    out = equal_shares(FOUR, completion="none", explain=True)
    by_id = {r.project_id: r for r in out.rejections}
    assert by_id["A"].reason == "not-enough-support"
    assert by_id["A"].max_winning_cost == 45  # A's three voters have 15 each after C
    assert by_id["A"].extra_supporters_needed == 1  # 4 backers: ties with C, and "A" < "C"
    assert by_id["D"].reason == "no-support"
    assert by_id["D"].max_winning_cost is None  # plain MES never funds an unsupported project
    assert by_id["D"].extra_supporters_needed is None or by_id["D"].extra_supporters_needed >= 1


def test_exhaustion_raises_the_budget_until_the_outcome_is_exhaustive() -> None:
    out = equal_shares(FOUR)  # exhaustion: A becomes affordable at 30 per voter (20% more budget)
    assert out.selected == ("C", "A")
    params = dict(out.params)
    assert params["budget_increases"] == "20" and params["budget_per_voter"] == "30"
    c, a = out.trace
    assert (c.price_per_supporter, c.supporters) == (Fraction(10), 4)
    assert (a.price_per_supporter, a.supporters, a.score) == (Fraction(20), 3, Fraction(1, 3))
    assert [r.project_id for r in out.rejections] == ["D"]


def test_unsupported_project_under_exhaustion_wins_only_when_free() -> None:
    out = equal_shares(FOUR, explain=True)
    (d,) = out.rejections
    assert d.reason == "no-support" and d.max_winning_cost == 0


def test_greedy_completion_buys_what_still_fits_after_exhaustion() -> None:
    inst = election({"A": 60, "C": 40, "E": 30}, 100, [["A", "C"], ["A", "C"], ["A", "C"], ["C"]])
    out = equal_shares(inst)
    # raising the budget: [C] (not exhaustive) ... at k=20 [C, A] costs 100; E does not fit: stop
    assert out.selected == ("C", "A")
    inst = election({"A": 70, "C": 40, "E": 20}, 100, [["A", "C"], ["A", "C"], ["A", "C"], ["C", "E"]])
    out = equal_shares(inst)
    phases = [(s.project_id, s.phase) for s in out.trace]
    assert ("E", "main") in phases or ("E", "greedy-completion") in phases
    assert out.total_cost <= 100


def test_next_budget_over_the_limit_keeps_the_previous_outcome() -> None:
    # X (90) and Y (90) by disjoint halves: at 1x neither is affordable; at 1.8x both are (180 > 100)
    inst = election({"X": 90, "Y": 90}, 100, [["X"], ["Y"]])
    out = equal_shares(inst, completion="none")
    assert out.selected == ()
    out = equal_shares(inst, explain=True)
    # the first affordable budget funds both (over budget): keep the empty outcome, greedy takes X
    assert out.selected == ("X",)
    assert out.trace[0].phase == "greedy-completion"
    (y,) = out.rejections
    assert y.reason == "did-not-fit"


def test_points_ballots_pay_in_proportion_to_their_points() -> None:
    inst = points_election({"P": 30, "Q": 500}, 100, [{"P": 2}, {"P": 1}])
    out = equal_shares(inst, satisfaction="cardinality", completion="none")
    (step,) = out.trace
    assert step.score == 10  # rho: 30 / 3 points
    assert step.price_per_supporter == 20  # the 2-point voter paid 20, the 1-point voter 10
    out_cost = equal_shares(inst, satisfaction="cost", completion="none")
    assert out_cost.trace[0].price_per_supporter == 20  # utility = points * cost: same split


def test_free_supported_projects_come_first_and_cost_nothing() -> None:
    inst = election({"F": 0, "A": 40}, 100, [["A", "F"], ["A"]])
    # under cost satisfaction a free project gives no satisfaction: MES ignores it (as pabutools)
    assert equal_shares(inst, completion="none").selected == ("A",)
    out = equal_shares(inst, satisfaction="cardinality", completion="none")
    assert out.selected == ("F", "A")
    assert out.trace[0].price_per_supporter == 0 and out.trace[0].supporters == 1


def test_no_ballots_means_no_mes_winner_but_greedy_fills_in_tie_order() -> None:
    inst = election({"2": 30, "10": 30, "1": 50}, 60, [])
    assert equal_shares(inst, completion="none").selected == ()
    assert equal_shares(inst).selected == ("1",)  # "1" < "10" < "2"; then nothing else fits


def test_ties_follow_the_given_order() -> None:
    inst = election({"A": 10, "B": 10}, 10, [["A", "B"], ["A", "B"]])
    assert equal_shares(inst, completion="none").selected == ("A",)
    assert equal_shares(inst, completion="none", tie_breaking=["B", "A"]).selected == ("B",)


def test_max_winners_caps_every_phase() -> None:
    out = equal_shares(FOUR, max_winners=1, explain=False)
    assert out.selected == ("C",)
    assert {r.project_id: r.reason for r in out.rejections}["A"] == "did-not-fit"
    assert equal_shares(FOUR, max_winners=0).selected == ()


def test_add1_raises_each_share_by_one_currency_unit() -> None:
    out = equal_shares(FOUR, completion="add1")
    assert out.selected == ("C", "A")
    assert dict(out.params)["budget_per_voter"] == "30"  # 25 + 5 steps of 1


def test_add1u_completes_by_most_votes() -> None:
    # M (cost 50) has most votes but MES funds the cheap K; after add1, M still fits: utilitarian adds it
    inst = election({"K": 10, "M": 50, "L": 45}, 100, [["K", "M"], ["M"], ["M", "L"], ["K"]])
    add1 = equal_shares(inst, completion="add1")
    add1u = equal_shares(inst, completion="add1u")
    assert set(add1.selected) <= set(add1u.selected)
    assert all(s.phase == "utilitarian-completion" for s in add1u.trace[len(add1.selected) :])
    assert add1u.total_cost <= 100


def test_params_record_the_options() -> None:
    params = dict(equal_shares(FOUR, satisfaction="cardinality", exhaustion_step=Fraction(5)).params)
    assert params["satisfaction"] == "cardinality"
    assert params["completion"] == "exhaustion"
    assert params["exhaustion_step"] == "5"
    assert params["tie_breaking"] == "default"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"satisfaction": "happiness"},
        {"completion": "magic"},
        {"max_winners": -1},
        {"exhaustion_step": Fraction(0)},
    ],
)
def test_bad_options_are_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        equal_shares(FOUR, **kwargs)  # type: ignore[arg-type]
