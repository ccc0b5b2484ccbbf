"""Tests for constraints: minimum share, sub-budgets per category, maximum number of winners."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from pbrules.constraints import min_share_filter, sub_budgets_from_election, truncate
from pbrules.instance import to_instance
from pbrules.pabulib import parse_election, parse_instance, read_election
from pbrules.rules import run_rule

CASE = """META
key;value
budget;10
vote_type;approval
categories;green,culture
budget_per_category;6,4
PROJECTS
project_id;cost;category
A;6;green
B;5;green
C;4;culture
D;1;culture
VOTES
voter_id;vote
1;A,B
2;A,C
3;A,B,D
4;B,C
5;C
6;
"""


def test_min_share_drops_weak_projects_before_the_rule() -> None:
    inst = parse_instance(CASE)
    kept, dropped = min_share_filter(inst, Fraction(1, 3))  # 2 of 6 ballots needed
    assert kept.project_ids == ("A", "B", "C")
    assert [r.project_id for r in dropped] == ["D"] and dropped[0].reason == "constraint"
    out = run_rule(inst, "greedy", satisfaction="cardinality", min_share="1/3")
    assert "D" not in out.selected
    assert {r.project_id: r.reason for r in out.rejections}["D"] == "constraint"
    assert kept.num_voters == 6  # voters stay, even with empty ballots


def test_sub_budgets_run_the_rule_per_category() -> None:
    election = parse_election(CASE)
    groups = sub_budgets_from_election(election)
    assert groups == {"green": (Fraction(6), ("A", "B")), "culture": (Fraction(4), ("C", "D"))}
    out = run_rule(to_instance(election), "greedy", sub_budgets=groups)
    assert out.selected == ("A", "C")
    assert [s.phase for s in out.trace] == ["sub-budget:green", "sub-budget:culture"]
    assert out.budget == 10


def test_explicit_sub_budget_mapping() -> None:
    election = parse_election(CASE)
    groups = sub_budgets_from_election(election, {"culture": Fraction(5)})
    out = run_rule(to_instance(election), "greedy", sub_budgets=groups)
    assert out.selected == ("C", "D")
    assert {r.project_id: r.reason for r in out.rejections} == {"A": "constraint", "B": "constraint"}


@pytest.mark.parametrize("rule", ["greedy", "greedy-no-skip", "phragmen", "maxwelfare", "mes"])
def test_max_winners_for_every_rule(rule: str) -> None:
    if rule == "mes":
        pytest.importorskip("pbrules.rules.mes", reason="Equal Shares is written separately")
    out = run_rule(parse_instance(CASE), rule, max_winners=1)
    assert len(out.selected) == 1


def test_truncate_keeps_the_first_winners() -> None:
    out = run_rule(parse_instance(CASE), "greedy", satisfaction="cardinality")
    cut = truncate(out, 1)
    assert cut.selected == out.selected[:1]
    assert {r.reason for r in cut.rejections if r.project_id in out.selected[1:]} == {"constraint"}


def test_unknown_rule_and_options_are_rejected() -> None:
    inst = parse_instance(CASE)
    with pytest.raises(ValueError, match="unknown rule"):
        run_rule(inst, "borda")
    with pytest.raises(ValueError, match="unknown satisfaction"):
        run_rule(inst, "greedy", satisfaction="joy")
    with pytest.raises(ValueError, match="unknown completion"):
        run_rule(inst, "greedy", completion="more")


def test_amsterdam_budget_per_category(pabulib_dir: Path) -> None:
    election = read_election(pabulib_dir / "Netherlands_Amsterdam_285.pb")
    groups = sub_budgets_from_election(election)
    assert [g[0] for g in groups.values()] == [200000, 100000, 100000]
    out = run_rule(to_instance(election), "greedy", sub_budgets=groups)
    cost = {p.project_id: p.cost for p in election.projects}
    for amount, pids in groups.values():
        assert sum(cost[p] for p in out.selected if p in pids) <= amount
