"""An outcome as a JSON-ready dict: the one shape that ``python -m pbrules --json`` prints and that
Buurtbudget publishes per ballot section, so the two cannot drift apart.

``{"selected", "total_cost", "budget", "rule", "params", "trace", "rejections", "metrics"}``: ``trace``
items are ``{round, project_id, cost, phase, score, supporters, price_per_supporter}``, ``rejections``
items ``{project_id, cost, reason, max_winning_cost, extra_supporters_needed}`` and ``metrics`` the
fields of ``Metrics`` (the EJR violation as ``{projects, group_size}``).

Amounts are integers when whole. Otherwise they are JSON numbers (the nearest float, the command
line's choice), or with ``exact=True`` their exact text: a terminating decimal or ``p/q`` (what a
published result keeps, so nothing is rounded).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from pbrules.metrics import outcome_metrics
from pbrules.model import Instance, Outcome
from pbrules.pabulib.write import format_amount

JsonAmount = int | float | str | None


def json_amount(value: Fraction | None, *, exact: bool = False) -> JsonAmount:
    """An amount for JSON: an integer when whole, else a float (or with ``exact`` its exact text)."""
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    return format_amount(value) if exact else float(value)


def outcome_dict(instance: Instance, outcome: Outcome, *, exact: bool = False) -> dict[str, Any]:
    """The outcome of a rule on ``instance`` with its metrics, in the shape the module text gives."""

    def amount(value: Fraction | None) -> JsonAmount:
        return json_amount(value, exact=exact)

    metrics = outcome_metrics(instance, outcome)
    violation = metrics.ejr_violation
    return {
        "selected": list(outcome.selected),
        "total_cost": amount(outcome.total_cost),
        "budget": amount(outcome.budget),
        "rule": outcome.rule,
        "params": dict(outcome.params),
        "trace": [
            {
                "round": s.round,
                "project_id": s.project_id,
                "cost": amount(s.cost),
                "phase": s.phase,
                "score": amount(s.score),
                "supporters": s.supporters,
                "price_per_supporter": amount(s.price_per_supporter),
            }
            for s in outcome.trace
        ],
        "rejections": [
            {
                "project_id": r.project_id,
                "cost": amount(r.cost),
                "reason": r.reason,
                "max_winning_cost": amount(r.max_winning_cost),
                "extra_supporters_needed": r.extra_supporters_needed,
            }
            for r in outcome.rejections
        ],
        "metrics": {
            "total_cost": amount(metrics.total_cost),
            "leftover_budget": amount(metrics.leftover_budget),
            "num_selected": metrics.num_selected,
            "avg_cost_satisfaction": metrics.avg_cost_satisfaction,
            "avg_cardinality_satisfaction": metrics.avg_cardinality_satisfaction,
            "share_with_funded_project": metrics.share_with_funded_project,
            "gini_cost_satisfaction": metrics.gini_cost_satisfaction,
            "ejr_up_to_one": metrics.ejr_up_to_one,
            "ejr_method": metrics.ejr_method,
            "ejr_violation": None
            if violation is None
            else {"projects": list(violation.projects), "group_size": violation.group_size},
        },
    }
