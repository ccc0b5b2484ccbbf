"""Tests for greedy utilitarian welfare: hand cases, variants, and pabutools on random elections."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from pbstrategies import elections, pabutools_pair

from pbrules.instance import to_instance
from pbrules.model import Election
from pbrules.pabulib import parse_instance
from pbrules.rules import run_rule
from pbrules.rules.greedy import greedy

CASE = """META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
A;6
B;5
C;4
D;1
VOTES
voter_id;vote
1;A,B
2;A,C
3;A,B,D
4;B,C
5;C
"""


def test_cost_satisfaction_ranks_by_votes_and_skips_what_does_not_fit() -> None:
    out = greedy(parse_instance(CASE))
    # votes: A 3, B 3, C 3, D 1 -> ties by id: A (6) taken, B (5) skipped, C (4) taken, D skipped (budget 0)
    assert out.selected == ("A", "C")
    assert [s.round for s in out.trace] == [1, 2]
    assert out.total_cost == 10


def test_cardinality_satisfaction_ranks_by_votes_per_cost() -> None:
    out = greedy(parse_instance(CASE), satisfaction="cardinality")
    # densities: D 1/1, C 3/4, B 3/5, A 3/6 -> D, C, B (total 10), A does not fit
    assert out.selected == ("D", "C", "B")


def test_no_skip_stops_at_the_first_project_that_does_not_fit() -> None:
    inst = parse_instance(CASE)
    assert greedy(inst, skip=False).selected == ("A",)
    assert run_rule(inst, "greedy-no-skip").selected == ("A",)


def test_tie_breaking_order_is_explicit() -> None:
    out = greedy(parse_instance(CASE), tie_breaking=["C", "B", "A", "D"])
    assert out.selected == ("C", "B", "D")


def test_default_ties_compare_ids_as_strings() -> None:
    text = CASE.replace("A;6", "10;5").replace("B;5", "9;5").replace("1;A,B", "1;10,9").replace("A,C", "10,C")
    text = text.replace("3;A,B,D", "3;9,D").replace("4;B,C", "4;D")
    assert greedy(parse_instance(text)).selected[0] == "10"  # "10" < "9" as strings


def test_max_winners_stops_early() -> None:
    assert greedy(parse_instance(CASE), satisfaction="cardinality", max_winners=2).selected == ("D", "C")


def test_budget_below_every_cost_gives_an_empty_outcome() -> None:
    out = greedy(parse_instance(CASE.replace("budget;10", "budget;0")))
    assert out.selected == () and out.total_cost == 0


def test_unsupported_projects_are_bought_last_like_pabutools() -> None:
    text = CASE.replace("D;1", "D;1\nE;1").replace("budget;10", "budget;12")
    assert greedy(parse_instance(text)).selected == ("A", "B", "D")
    assert greedy(parse_instance(text.replace("budget;12", "budget;13"))).selected == ("A", "B", "D", "E")


def _pabutools_greedy(election: Election, satisfaction: str) -> list[str]:
    from pabutools.election import Additive_Cardinal_Sat, Cardinality_Sat, Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare

    instance, profile = pabutools_pair(election)
    sat: Any
    if election.vote_type in ("cumulative", "scoring"):
        sat = Additive_Cardinal_Sat
    else:
        sat = Cost_Sat if satisfaction == "cost" else Cardinality_Sat
    return [
        p.name for p in greedy_utilitarian_welfare(instance, profile, sat_class=sat, is_sat_additive=True)
    ]


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@settings(max_examples=200, deadline=None)
@given(election=elections())
def test_greedy_matches_pabutools_in_order(election: Election, satisfaction: str) -> None:
    ours = greedy(to_instance(election), satisfaction=satisfaction)  # type: ignore[arg-type]
    assert list(ours.selected) == _pabutools_greedy(election, satisfaction)


@settings(max_examples=100, deadline=None)
@given(election=elections(vote_type="cumulative"))
def test_greedy_on_points_matches_additive_cardinal_sat(election: Election) -> None:
    ours = greedy(to_instance(election), satisfaction="cardinality")
    assert list(ours.selected) == _pabutools_greedy(election, "cardinality")


@settings(max_examples=100, deadline=None)
@given(election=elections())
def test_no_skip_is_the_longest_fitting_prefix_of_the_greedy_order(election: Election) -> None:
    inst = to_instance(election)
    full = greedy(inst, skip=False, explain=False)
    # the no-skip winners are a prefix of the skip winners, and the next skip winner was not affordable
    skip = greedy(inst, explain=False)
    k = len(full.selected)
    assert skip.selected[:k] == full.selected
    assert full.total_cost <= Fraction(inst.budget, inst.scale)


@settings(max_examples=100, deadline=None)
@given(election=elections(vote_type="ordinal"))
def test_greedy_on_rankings_matches_additive_borda_sat(election: Election) -> None:
    from pabutools.election import Additive_Borda_Sat
    from pabutools.rules import greedy_utilitarian_welfare

    instance, profile = pabutools_pair(election)
    ref = greedy_utilitarian_welfare(instance, profile, sat_class=Additive_Borda_Sat, is_sat_additive=True)
    ours = greedy(to_instance(election), satisfaction="cardinality")
    assert list(ours.selected) == [p.name for p in ref]


@settings(max_examples=100, deadline=None)
@given(election=elections(vote_type="cumulative"))
def test_greedy_cost_on_points_matches_points_times_cost(election: Election) -> None:
    from pabutools.election.satisfaction.additivesatisfaction import AdditiveSatisfaction
    from pabutools.rules import greedy_utilitarian_welfare

    def points_cost(instance: Any, profile: Any, ballot: Any, project: Any, pre: Any) -> Any:
        return ballot.get(project, 0) * project.cost

    class PointsCostSat(AdditiveSatisfaction):  # type: ignore[misc]
        def __init__(self, instance: Any, profile: Any, ballot: Any) -> None:
            AdditiveSatisfaction.__init__(self, instance, profile, ballot, points_cost)

    instance, profile = pabutools_pair(election)
    ref = greedy_utilitarian_welfare(instance, profile, sat_class=PointsCostSat, is_sat_additive=True)
    ours = greedy(to_instance(election), satisfaction="cost")
    assert list(ours.selected) == [p.name for p in ref]
