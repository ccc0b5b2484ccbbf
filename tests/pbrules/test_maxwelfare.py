"""Tests for exact maximum welfare: brute force, the lexicographic tie-break, and pabutools' welfare."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from pbstrategies import elections, pabutools_pair

from pbrules.instance import to_instance
from pbrules.model import Election, Instance
from pbrules.pabulib import parse_instance
from pbrules.rules.maxwelfare import maxwelfare
from pbrules.satisfaction import project_totals
from pbrules.tiebreak import priority

CASE = """META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost
A;6
B;5
C;4
D;5
VOTES
voter_id;vote
1;A,B,D
2;A,C
3;B,C,D
"""


def _brute(inst: Instance, satisfaction: str) -> tuple[int, tuple[str, ...]]:
    totals = project_totals(inst, satisfaction)  # type: ignore[arg-type]
    ranks = priority(inst.project_ids)
    cand = [p for p in range(inst.num_projects) if totals[p] > 0 and inst.costs[p] <= inst.budget]
    best: tuple[int, tuple[int, ...]] = (-1, ())
    for k in range(len(cand) + 1):
        for combo in combinations(cand, k):
            if sum(int(inst.costs[p]) for p in combo) <= inst.budget:
                key = tuple(int(p in combo) for p in sorted(cand, key=lambda p: ranks[p]))
                value = (sum(totals[p] for p in combo), key)
                if value > (best[0], tuple(int(p in best[1]) for p in sorted(cand, key=lambda p: ranks[p]))):
                    best = (value[0], combo)
    return best[0], tuple(
        sorted((inst.project_ids[p] for p in best[1]), key=lambda pid: ranks[inst.project_ids.index(pid)])
    )


def test_optimum_beats_greedy_on_a_knapsack_case() -> None:
    out = maxwelfare(parse_instance(CASE))
    # cost-welfare: A 12, B 10, C 8, D 10; best within 10: B+D = 20 > A+C = 20 tie -> lexicographic: A first
    assert set(out.selected) == {"A", "C"}
    assert dict(out.params)["welfare"] == "20"


def test_cardinality_welfare_and_max_winners() -> None:
    inst = parse_instance(CASE)
    assert maxwelfare(inst, satisfaction="cardinality").selected == ("A", "C")
    assert len(maxwelfare(inst, satisfaction="cardinality", max_winners=1).selected) == 1


@settings(max_examples=150, deadline=None)
@given(election=elections(max_projects=6))
def test_maxwelfare_is_the_lexicographically_first_optimum(election: Election) -> None:
    inst = to_instance(election)
    for satisfaction in ("cost", "cardinality"):
        out = maxwelfare(inst, satisfaction=satisfaction)
        welfare, chosen = _brute(inst, satisfaction)
        assert int(dict(out.params)["welfare"]) == max(welfare, 0)
        assert out.selected == chosen


@settings(max_examples=150, deadline=None)
@given(election=elections(zero_cost=False))  # pabutools' primal-dual crashes when every project is free
def test_maxwelfare_welfare_equals_pabutools(election: Election) -> None:
    from pabutools.election import Cardinality_Sat, Cost_Sat
    from pabutools.rules import max_additive_utilitarian_welfare

    inst = to_instance(election)
    instance, profile = pabutools_pair(election)
    for name, sat in (("cost", Cost_Sat), ("cardinality", Cardinality_Sat)):
        totals = dict(zip(inst.project_ids, project_totals(inst, name), strict=True))  # type: ignore[arg-type]
        ref = max_additive_utilitarian_welfare(instance, profile, sat_class=sat)
        ours = maxwelfare(inst, satisfaction=name)  # type: ignore[arg-type]
        assert sum(totals[p] for p in ours.selected) == sum(totals[p.name] for p in ref)
