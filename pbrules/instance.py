"""Build the grouped numeric Instance from an Election (or from parsed rows) and derive sub-instances."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbrules.model import Election, Instance, VoteType

Row = tuple[list[int], list[Fraction] | None, int]


def _scores(
    indices: list[int], points: list[Fraction] | None, vote_type: VoteType
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """One ballot as (sorted project indices, integer scores), duplicates resolved like pabutools."""
    if vote_type == "ordinal":
        ranking = list(dict.fromkeys(indices))  # a repeated project keeps its first position
        n = len(ranking)
        pairs = sorted((p, n - i - 1) for i, p in enumerate(ranking) if n - i - 1 > 0)
        return tuple(p for p, _ in pairs), tuple(x for _, x in pairs)
    if points is None:
        ids = tuple(sorted(set(indices)))
        return ids, (1,) * len(ids)
    given: dict[int, int] = {}
    for p, x in zip(
        indices, points, strict=True
    ):  # a repeated project keeps its last points (pabutools' dict)
        if x.denominator != 1 or x < 0:
            raise ValueError(f"points must be non-negative integers, got {x}")
        given[p] = int(x)
    ids = tuple(sorted(p for p, x in given.items() if x > 0))
    return ids, tuple(given[p] for p in ids)


def build_instance(
    project_ids: Sequence[str],
    costs: Sequence[Fraction],
    budget: Fraction,
    vote_type: VoteType,
    rows: Sequence[Row],
) -> Instance:
    """Group identical ballots and scale every amount to an integer (``scale`` = lcm of denominators).

    Groups appear in order of first appearance in the file.
    """
    scale = _scale(costs, budget)
    groups: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
    for indices, points, count in rows:
        key = _scores(indices, points, vote_type)
        groups[key] = groups.get(key, 0) + count
    keys = list(groups)
    lengths = np.fromiter((len(k[0]) for k in keys), dtype=np.int64, count=len(keys))
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    total = int(indptr[-1])
    return Instance(
        project_ids=tuple(project_ids),
        costs=np.array([int(c * scale) for c in costs], dtype=np.int64),
        budget=int(budget * scale),
        scale=scale,
        indptr=indptr,
        indices=np.fromiter(itertools.chain.from_iterable(k[0] for k in keys), dtype=np.int64, count=total),
        scores=np.fromiter(itertools.chain.from_iterable(k[1] for k in keys), dtype=np.int64, count=total),
        weights=np.fromiter((groups[k] for k in keys), dtype=np.int64, count=len(keys)),
        vote_type=vote_type,
    )


def _scale(costs: Sequence[Fraction], budget: Fraction) -> int:
    """The least integer that makes the budget and every cost whole."""
    return math.lcm(budget.denominator, *(c.denominator for c in costs))


def build_approval_instance(
    project_ids: Sequence[str],
    costs: Sequence[Fraction],
    budget: Fraction,
    vote_type: VoteType,
    votes: Sequence[str],
    counts: Sequence[int],
    known: dict[str, int],
) -> Instance | None:
    """``build_instance`` for approval (and choose-1) votes given as the file's comma-separated strings
    (each distinct string once, with its count), without per-ballot Python tuples: all ids are looked
    up in one pass, rows are sorted and de-duplicated with numpy, and identical rows are merged by
    their bytes. The same Instance as ``build_instance``; None if a vote has spaces or an unknown id
    (the careful path then reads it, or reports the error).
    """
    if any(" " in v or "\t" in v for v in votes):
        return None
    lengths = np.fromiter((v.count(",") + 1 if v else 0 for v in votes), dtype=np.int64, count=len(votes))
    names = ",".join(v for v in votes if v).split(",") if any(votes) else []
    try:
        idx = np.fromiter(map(known.__getitem__, names), dtype=np.int64, count=len(names))
    except KeyError:
        return None
    rows = np.repeat(np.arange(len(votes), dtype=np.int64), lengths)
    order = np.lexsort((idx, rows))  # by row, then project: rows stay in order
    idx = idx[order]
    first = np.ones(len(idx), dtype=np.bool_)
    first[1:] = (idx[1:] != idx[:-1]) | (rows[1:] != rows[:-1])  # a project listed twice counts once
    idx, rows = idx[first], rows[first]
    ptr = np.zeros(len(votes) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=len(votes)), out=ptr[1:])
    data = idx.tobytes()
    at = (ptr * 8).tolist()
    groups: dict[bytes, int] = {}
    for r, count in enumerate(counts):  # identical sets from different strings ("1,2", "2,1") merge
        key = data[at[r] : at[r + 1]]
        groups[key] = groups.get(key, 0) + count
    keys = list(groups)
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(np.fromiter((len(k) // 8 for k in keys), dtype=np.int64, count=len(keys)), out=indptr[1:])
    scale = _scale(costs, budget)
    return Instance(
        project_ids=tuple(project_ids),
        costs=np.array([int(c * scale) for c in costs], dtype=np.int64),
        budget=int(budget * scale),
        scale=scale,
        indptr=indptr,
        indices=np.frombuffer(b"".join(keys), dtype=np.int64).copy(),
        scores=np.ones(int(indptr[-1]), dtype=np.int64),
        weights=np.fromiter(groups.values(), dtype=np.int64, count=len(keys)),
        vote_type=vote_type,
    )


def to_instance(election: Election) -> Instance:
    """The grouped numeric form of ``election`` (choose-1 as approval, ordinal as Borda scores)."""
    known = {p.project_id: i for i, p in enumerate(election.projects)}
    counts: dict[tuple[tuple[str, ...], tuple[Fraction, ...] | None], int] = {}
    for b in election.ballots:  # count identical ballots first: most files repeat them a lot
        key = (b.project_ids, b.points)
        counts[key] = counts.get(key, 0) + 1
    rows: list[Row] = [
        ([known[pid] for pid in ids], None if points is None else list(points), n)
        for (ids, points), n in counts.items()
    ]
    return build_instance(
        [p.project_id for p in election.projects],
        [p.cost for p in election.projects],
        election.budget,
        election.vote_type,
        rows,
    )


def row_of_entry(instance: Instance) -> npt.NDArray[np.int64]:
    """For each CSR entry, the index of its voter group."""
    return np.repeat(np.arange(len(instance.weights), dtype=np.int64), np.diff(instance.indptr))


def sub_instance(
    instance: Instance, keep: npt.NDArray[np.bool_], budget: int | None = None, drop_empty: bool = False
) -> tuple[Instance, npt.NDArray[np.int64]]:
    """Keep only the projects where ``keep`` is True (voters stay, ballots lose the other projects).

    Returns the new instance and the original index of each kept project. Empty ballots are kept
    (they count for Equal Shares' voter budget) unless ``drop_empty``.
    """
    old = np.flatnonzero(keep).astype(np.int64)
    new_index = np.full(instance.num_projects, -1, dtype=np.int64)
    new_index[old] = np.arange(len(old), dtype=np.int64)
    entry_keep = keep[instance.indices]
    rows = row_of_entry(instance)[entry_keep]
    counts = np.bincount(rows, minlength=len(instance.weights)).astype(np.int64)
    weights = instance.weights
    if drop_empty:
        nonempty = counts > 0
        weights, counts = weights[nonempty], counts[nonempty]
    indptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return (
        Instance(
            project_ids=tuple(instance.project_ids[i] for i in old),
            costs=instance.costs[old].copy(),
            budget=instance.budget if budget is None else budget,
            scale=instance.scale,
            indptr=indptr,
            indices=new_index[instance.indices[entry_keep]],
            scores=instance.scores[entry_keep].copy(),
            weights=weights.copy(),
            vote_type=instance.vote_type,
        ),
        old,
    )
