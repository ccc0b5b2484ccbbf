"""Tests for sequential Phragmén: hand cases, the exact fallback, and pabutools on random elections."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from pbstrategies import elections, pabutools_pair

from pbrules.instance import to_instance
from pbrules.model import Election
from pbrules.pabulib import parse_instance
from pbrules.rules.phragmen import phragmen

CASE = """META
key;value
budget;9
vote_type;approval
PROJECTS
project_id;cost
A;3
B;3
C;6
VOTES
voter_id;vote
1;A,B
2;A,B
3;C
"""


def test_loads_balance_and_the_rule_stops_at_a_project_that_does_not_fit() -> None:
    out = phragmen(parse_instance(CASE))
    # A: load 3/2; then B: (3/2+3/2+3)/2 = 3 vs C: 6/1 = 6 -> B; then C (6) does not fit in 3 -> stop
    assert out.selected == ("A", "B")
    assert [s.score for s in out.trace] == [Fraction(3, 2), Fraction(3)]
    reasons = {r.project_id: r.reason for r in out.rejections}
    assert reasons == {"C": "did-not-fit"}


def test_exact_ties_are_found_by_the_fast_path() -> None:
    # B and C tie exactly at load 1/3 + ...: thirds are not exact in floats
    text = CASE.replace("A;3\nB;3\nC;6", "A;1\nB;1\nC;1").replace(
        "1;A,B\n2;A,B\n3;C", "1;A,B,C\n2;A,B,C\n3;A,B,C"
    )
    inst = parse_instance(text)
    fast, exact = phragmen(inst), phragmen(inst, exact=True)
    assert fast.selected == exact.selected == ("A", "B", "C")
    assert [s.score for s in fast.trace] == [Fraction(1, 3), Fraction(2, 3), Fraction(1)]


def test_max_winners_caps_the_selection() -> None:
    out = phragmen(parse_instance(CASE), max_winners=1)
    assert out.selected == ("A",)
    assert {r.project_id: r.reason for r in out.rejections}["B"] == "constraint"


def test_a_tied_best_project_that_does_not_fit_stops_the_rule() -> None:
    text = """META
key;value
budget;4
vote_type;approval
PROJECTS
project_id;cost
A;2
B;4
C;1
VOTES
voter_id;vote
1;A
2;B
3;B
4;C
5;C
6;C
7;C
"""
    # C first (load 1/4); then A (2/1) and B (4/2) tie at 2: A would fit, B would not -> stop
    out = phragmen(parse_instance(text))
    assert out.selected == ("C",)
    assert {r.project_id: r.reason for r in out.rejections} == {"A": "did-not-fit", "B": "did-not-fit"}


def _pabutools_phragmen(election: Election) -> list[str]:
    from pabutools.rules import sequential_phragmen

    instance, profile = pabutools_pair(election)
    return sorted(p.name for p in sequential_phragmen(instance, profile))


@settings(max_examples=300, deadline=None)
@given(election=elections())
def test_phragmen_matches_pabutools_as_a_set(election: Election) -> None:
    inst = to_instance(election)
    ours = phragmen(inst)
    assert sorted(ours.selected) == _pabutools_phragmen(election)
    assert phragmen(inst, exact=True).selected == ours.selected


def test_a_difference_floats_cannot_see_is_decided_exactly() -> None:
    # loads 2**53 + 1 and 2**53 are the same double: the fast path must fall back to exact Fractions
    big = 2**54
    text = f"""META
key;value
budget;{big + 2}
vote_type;approval
PROJECTS
project_id;cost
a;{big + 2}
b;{big}
VOTES
voter_id;vote
1;a,b
2;a,b
"""
    out = phragmen(parse_instance(text))
    assert out.selected == ("b",)  # "a" would win a (wrong) float tie by id
    assert out.trace[0].score == Fraction(2**53)
