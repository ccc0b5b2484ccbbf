"""Additive satisfaction: each voter's utility for each project, and exact totals per project.

A ballot entry has an integer score (1 for approval, points for cumulative/scoring, the Borda score
len-position-1 for ordinal). Under ``cost`` satisfaction the utility is ``score * cost``, under
``cardinality`` it is ``score`` — pabutools' Cost_Sat / Cardinality_Sat for approval ballots,
Additive_Cardinal_Sat for points and Additive_Borda_Sat for rankings under ``cardinality``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from pbrules.model import Instance, Satisfaction

SATISFACTIONS: tuple[Satisfaction, ...] = ("cost", "cardinality")
_INT64_SAFE = 2**62


def check_satisfaction(satisfaction: str) -> Satisfaction:
    if satisfaction not in SATISFACTIONS:
        raise ValueError(f"unknown satisfaction {satisfaction!r}; choose one of {', '.join(SATISFACTIONS)}")
    return satisfaction


def _fits_int64(instance: Instance, satisfaction: Satisfaction) -> bool:
    max_score = int(instance.scores.max()) if len(instance.scores) else 0
    max_cost = int(instance.costs.max()) if satisfaction == "cost" and len(instance.costs) else 1
    return (
        max(instance.num_voters, 1) * max_score * max(max_cost, 1) * max(instance.num_projects, 1)
        < _INT64_SAFE
    )


def entry_utilities(instance: Instance, satisfaction: Satisfaction) -> npt.NDArray[np.int64]:
    """Utility of each CSR entry (one voter group, one project) — exact integers."""
    if satisfaction == "cost":
        if not _fits_int64(instance, satisfaction):
            return np.array(
                [
                    int(s) * int(c)
                    for s, c in zip(instance.scores, instance.costs[instance.indices], strict=True)
                ],
                dtype=object,
            )
        return instance.scores * instance.costs[instance.indices]
    return instance.scores


def project_totals(instance: Instance, satisfaction: Satisfaction) -> list[int]:
    """Total satisfaction of all voters for each project, as exact Python integers."""
    util = entry_utilities(instance, satisfaction)
    rows = np.repeat(np.arange(len(instance.weights)), np.diff(instance.indptr))
    if util.dtype == object or not _fits_int64(instance, satisfaction):
        totals = [0] * instance.num_projects
        for p, u, r in zip(instance.indices.tolist(), util.tolist(), rows.tolist(), strict=True):
            totals[p] += int(u) * int(instance.weights[r])
        return totals
    out = np.zeros(instance.num_projects, dtype=np.int64)
    np.add.at(out, instance.indices, util * instance.weights[rows])
    return [int(x) for x in out]


def support_counts(instance: Instance) -> list[int]:
    """Number of ballots giving each project a positive score (its supporters)."""
    rows = np.repeat(np.arange(len(instance.weights)), np.diff(instance.indptr))
    positive = instance.scores > 0
    out = np.zeros(instance.num_projects, dtype=np.int64)
    np.add.at(out, instance.indices[positive], instance.weights[rows[positive]])
    return [int(x) for x in out]


def voter_satisfaction(
    instance: Instance, selected: npt.NDArray[np.bool_], satisfaction: Satisfaction
) -> npt.NDArray[np.float64]:
    """Each voter group's total satisfaction with the selected projects (float, for metrics only)."""
    util = entry_utilities(instance, satisfaction).astype(np.float64) * selected[instance.indices]
    rows = np.repeat(np.arange(len(instance.weights)), np.diff(instance.indptr))
    return np.bincount(rows, weights=util, minlength=len(instance.weights)).astype(np.float64)
