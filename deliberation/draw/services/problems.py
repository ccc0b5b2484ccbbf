"""What is wrong with a pool and its quotas: the causes found before the library runs, and the
library's suggested relaxation when the quotas cannot be met. Stored with the draw as
``{"code", "kind", "params"}`` and put into words when shown (``draw.errors.problem_text``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ...models import Feature
from .. import sortition
from ..quotas import QuotaMap

SHOWN_IDS = 10


def _ids(pool_ids: Sequence[str]) -> str:
    shown = ", ".join(pool_ids[:SHOWN_IDS])
    return shown + (" …" if len(pool_ids) > SHOWN_IDS else "")


def _problem(code: str, kind: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "kind": kind, "params": params}


def pool_problems(
    *, pool: Sequence[Mapping[str, str]], features: Sequence[Feature], quotas: QuotaMap, panel_size: int
) -> tuple[list[dict[str, Any]], bool]:
    """What is wrong before the library runs, and whether it is so wrong the library cannot run."""
    problems: list[dict[str, Any]] = []
    blocking = False
    for feature in features:
        values = {v.key: v for v in feature.values.all()}
        missing = [p[sortition.ID_COLUMN] for p in pool if not p.get(feature.key)]
        unknown = [
            p[sortition.ID_COLUMN] for p in pool if p.get(feature.key) and p[feature.key] not in values
        ]
        if missing:
            problems.append(
                _problem(
                    "missing_value", "cause", count=len(missing), feature=feature.name, ids=_ids(missing)
                )
            )
        if unknown:
            problems.append(
                _problem(
                    "unknown_value", "cause", count=len(unknown), feature=feature.name, ids=_ids(unknown)
                )
            )
        blocking = blocking or bool(missing or unknown)
        counts = Counter(p.get(feature.key) for p in pool)
        bounds = quotas.get(feature.key, {})
        for key, (low, high) in bounds.items():
            label = values[key].label
            if low > high:
                problems.append(
                    _problem("min_above_max", "cause", feature=feature.name, value=label, min=low, max=high)
                )
                blocking = True
            elif low > counts.get(key, 0):
                problems.append(
                    _problem(
                        "too_few_in_pool",
                        "cause",
                        feature=feature.name,
                        value=label,
                        min=low,
                        count=counts.get(key, 0),
                    )
                )
        low_total = sum(low for low, _ in bounds.values())
        high_total = sum(high for _, high in bounds.values())
        if low_total > panel_size:
            problems.append(
                _problem("mins_too_high", "cause", feature=feature.name, total=low_total, size=panel_size)
            )
        if high_total < panel_size:
            problems.append(
                _problem("maxes_too_low", "cause", feature=feature.name, total=high_total, size=panel_size)
            )
    return problems, blocking


def _explain(
    outcome: sortition.Outcome, causes: list[dict[str, Any]], features: Sequence[Feature]
) -> list[dict[str, Any]]:
    """The library's suggested relaxation in words, after the causes we found ourselves."""
    names = {f.key: f.name for f in features}
    labels = {(f.key, v.key): v.label for f in features for v in f.values.all()}
    problems = list(causes) or [_problem("conflict", "cause")]
    for change in outcome.relaxations:
        where = {
            "feature": names.get(change.feature, change.feature),
            "value": labels.get((change.feature, change.value), change.value),
        }
        if change.new_min < change.old_min:
            problems.append(_problem("lower_min", "fix", old=change.old_min, new=change.new_min, **where))
        if change.new_max > change.old_max:
            problems.append(_problem("raise_max", "fix", old=change.old_max, new=change.new_max, **where))
    if outcome.cannot_relax:
        problems.append(_problem("cannot_relax", "fix"))
    return problems
