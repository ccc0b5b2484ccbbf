"""What a draw publishes about its pool: the anonymised pool, and the quota report per feature value."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ...models import Feature, Respondent
from .. import sortition
from ..quotas import QuotaMap


def anonymised_pool(respondents: Sequence[Respondent], features: Sequence[Feature]) -> list[dict[str, str]]:
    """Pool ids and feature values only: what is published with the draw."""
    keys = [feature.key for feature in features]
    return [
        {sortition.ID_COLUMN: r.pool_id, **{key: str(r.features.get(key, "") or "") for key in keys}}
        for r in respondents
    ]


def quota_report(
    *,
    pool: Sequence[Mapping[str, str]],
    features: Sequence[Feature],
    quotas: QuotaMap,
    selected: Sequence[str],
    panel_size: int,
) -> list[dict[str, Any]]:
    """Per feature value: the quota, how many were drawn, and population / pool / panel shares."""
    chosen = set(selected)
    rows = []
    for feature in features:
        values = list(feature.values.all())
        population_total = sum(v.population for v in values)
        in_pool = Counter(p.get(feature.key) for p in pool)
        drawn = Counter(p.get(feature.key) for p in pool if p[sortition.ID_COLUMN] in chosen)
        for value in values:
            low, high = quotas[feature.key][value.key]
            count = drawn.get(value.key, 0)
            rows.append(
                {
                    "feature": feature.key,
                    "feature_name": feature.name,
                    "value": value.key,
                    "label": value.label,
                    "min": low,
                    "max": high,
                    "population": value.population,
                    "population_share": round(value.population / population_total, 4)
                    if population_total
                    else None,
                    "in_pool": in_pool.get(value.key, 0),
                    "pool_share": round(in_pool.get(value.key, 0) / len(pool), 4) if pool else None,
                    "selected": count,
                    "panel_share": round(count / panel_size, 4) if panel_size else None,
                    "met": low <= count <= high,
                }
            )
    return rows
