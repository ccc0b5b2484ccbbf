"""Tests for outcome metrics and the EJR-up-to-one check (hand cases and pabutools' definition)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pbstrategies import elections, pabutools_pair

from pbrules.instance import to_instance
from pbrules.metrics import gini, outcome_metrics, selection_metrics
from pbrules.model import Election, Outcome
from pbrules.pabulib import parse_instance
from pbrules.rules.greedy import greedy

# Three voters love X1, X2 (cheap); one voter loves the dear Y. Budget 4, n = 4.
CASE = """META
key;value
budget;4
vote_type;approval
PROJECTS
project_id;cost
X1;1
X2;1
X3;1
Y;3
VOTES
voter_id;vote
1;X1,X2,X3
2;X1,X2,X3
3;X1,X2,X3
4;Y
"""


def _outcome(inst_text: str, selected: tuple[str, ...]) -> tuple[object, Outcome]:
    inst = parse_instance(inst_text)
    cost = sum((Fraction(int(inst.costs[inst.project_ids.index(p)])) for p in selected), Fraction(0))
    return inst, Outcome("manual", selected, cost, Fraction(inst.budget))


def test_spending_satisfaction_and_coverage() -> None:
    inst, out = _outcome(CASE, ("X1", "Y"))
    m = outcome_metrics(inst, out)  # type: ignore[arg-type]
    assert m.total_cost == 4 and m.leftover_budget == 0
    assert m.avg_cost_satisfaction == pytest.approx((1 + 1 + 1 + 3) / 4)
    assert m.avg_cardinality_satisfaction == pytest.approx(1.0)
    assert m.share_with_funded_project == 1.0


def test_metrics_of_a_selection_equal_those_of_an_outcome_choosing_it() -> None:
    inst, out = _outcome(CASE, ("X1", "Y"))
    full = outcome_metrics(inst, out)  # type: ignore[arg-type]
    m = selection_metrics(inst, ["Y", "X1"])  # type: ignore[arg-type]
    assert (m.total_cost, m.leftover_budget, m.num_selected) == (Fraction(4), Fraction(0), 2)
    assert m.avg_cost_satisfaction == full.avg_cost_satisfaction == pytest.approx(1.5)
    assert m.share_with_funded_project == full.share_with_funded_project == 1.0
    assert m.gini_cost_satisfaction == full.gini_cost_satisfaction
    assert m.ejr_up_to_one is None and m.ejr_method == "skipped"


def test_metrics_of_a_selection_check_ejr_when_asked_and_refuse_unknown_projects() -> None:
    inst = parse_instance(CASE)
    assert selection_metrics(inst, ["X1", "Y"], check_ejr=True).ejr_up_to_one is False
    with pytest.raises(ValueError, match="Z"):
        selection_metrics(inst, ["Z"])


def test_ejr_violation_is_reported_with_its_group() -> None:
    # Funding Y and X1: the three X-voters (3/4 of the voters) deserve cost 3 = {X1,X2,X3}; each has 1,
    # and 1 + 1 (one more project) < 3 -> violated for T = {X1, X2, X3}.
    inst, out = _outcome(CASE, ("X1", "Y"))
    m = outcome_metrics(inst, out)  # type: ignore[arg-type]
    assert m.ejr_method == "exact"
    assert m.ejr_up_to_one is False
    assert m.ejr_violation is not None
    assert set(m.ejr_violation.projects) >= {"X2", "X3"}
    assert m.ejr_violation.group_size == 3


def test_proportional_outcome_passes() -> None:
    inst, out = _outcome(CASE, ("X1", "X2", "X3"))
    m = outcome_metrics(inst, out)  # type: ignore[arg-type]
    assert m.ejr_up_to_one is True and m.ejr_violation is None


def test_heuristic_check_finds_the_same_violation() -> None:
    inst, out = _outcome(CASE, ("X1", "Y"))
    m = outcome_metrics(inst, out, exact_limit=0)  # type: ignore[arg-type]
    assert m.ejr_method == "heuristic" and m.ejr_up_to_one is False


def test_gini_of_equal_and_unequal_satisfaction() -> None:
    w = np.ones(4)
    assert gini(np.array([2.0, 2.0, 2.0, 2.0]), w) == 0.0
    assert gini(np.array([0.0, 0.0, 0.0, 4.0]), w) == pytest.approx(0.75)
    assert gini(np.array([0.0, 4.0]), np.array([3.0, 1.0])) == pytest.approx(0.75)


def test_metrics_of_points_ballots_skip_ejr() -> None:
    text = CASE.replace("vote_type;approval", "vote_type;cumulative").replace(
        "voter_id;vote", "voter_id;vote;points"
    )
    text = text.replace("X1,X2,X3\n", "X1,X2,X3;1,1,1\n").replace("4;Y", "4;Y;3")
    inst = parse_instance(text)
    m = outcome_metrics(inst, greedy(inst))
    assert m.ejr_up_to_one is None and m.ejr_method == "n/a"


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@settings(max_examples=60, deadline=None)
@given(election=elections(max_projects=5, max_voters=6), data=st.data())
def test_exact_ejr_check_agrees_with_pabutools(
    election: Election, satisfaction: str, data: st.DataObject
) -> None:
    from pabutools.analysis.justifiedrepresentation import is_EJR_one_approval
    from pabutools.election import Cardinality_Sat, Cost_Sat

    inst = to_instance(election)
    picked = data.draw(st.lists(st.sampled_from(inst.project_ids), unique=True))
    out = Outcome("any", tuple(picked), Fraction(0), Fraction(inst.budget))
    ours = outcome_metrics(inst, out, ejr_satisfaction=satisfaction)  # type: ignore[arg-type]
    instance, profile = pabutools_pair(election)
    chosen = [p for p in instance if p.name in out.selected]
    sat = Cost_Sat if satisfaction == "cost" else Cardinality_Sat
    assert ours.ejr_up_to_one == is_EJR_one_approval(instance, profile, sat, chosen)
