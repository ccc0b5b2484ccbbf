"""The quota rules of a draw: proportional defaults, the facilitator's quotas, and what the draw uses now."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor

from editions.models import Edition

from ..errors import PanelError
from ..models import Feature, PanelSetup

# {feature key: {value key: (min, max)}}, in the order of the features and their values.
QuotaMap = dict[str, dict[str, tuple[int, int]]]


def proportional_bounds(populations: Sequence[int], panel_size: int) -> list[tuple[int, int]]:
    """Floor and ceiling of each value's proportional share of the panel.

    So min ≤ share ≤ max for every value, and the mins add up to at most the panel size and the
    maxes to at least it. Without population figures a value may take anything from 0 to the size.
    """
    total = sum(populations)
    if total <= 0:
        return [(0, panel_size)] * len(populations)
    bounds = []
    for population in populations:
        share = Fraction(panel_size * population, total)
        bounds.append((floor(share), ceil(share)))
    return bounds


def panel_setup_of(edition: Edition) -> PanelSetup:
    """The edition's panel set-up, or the defaults (unsaved) when none was made yet."""
    return PanelSetup.objects.filter(edition=edition).first() or PanelSetup(edition=edition)


def features_of(edition: Edition) -> list[Feature]:
    return list(Feature.objects.filter(edition=edition).prefetch_related("values").order_by("position", "pk"))


def default_quotas(edition: Edition, *, panel_size: int | None = None) -> QuotaMap:
    """Quotas proportional to each value's population figure, for the panel size."""
    size = panel_size if panel_size is not None else panel_setup_of(edition).panel_size
    quotas: QuotaMap = {}
    for feature in features_of(edition):
        values = list(feature.values.all())
        bounds = proportional_bounds([v.population for v in values], size)
        quotas[feature.key] = {v.key: bound for v, bound in zip(values, bounds, strict=True)}
    return quotas


def effective_bounds(
    *, set_min: int | None, set_max: int | None, default: tuple[int, int]
) -> tuple[int, int]:
    """A value's quota: what the facilitator set, the proportional default for what they left open."""
    low = default[0] if set_min is None else set_min
    high = default[1] if set_max is None else set_max
    if set_min is not None and set_max is None:
        high = max(high, low)
    if set_max is not None and set_min is None:
        low = min(low, high)
    return low, high


def effective_quotas(edition: Edition, *, panel_size: int | None = None) -> QuotaMap:
    """The quotas a draw uses now: the facilitator's where set, else the proportional defaults."""
    size = panel_size if panel_size is not None else panel_setup_of(edition).panel_size
    quotas: QuotaMap = {}
    for feature in features_of(edition):
        values = list(feature.values.all())
        bounds = proportional_bounds([v.population for v in values], size)
        quotas[feature.key] = {
            v.key: effective_bounds(set_min=v.min_quota, set_max=v.max_quota, default=bound)
            for v, bound in zip(values, bounds, strict=True)
        }
    return quotas


@dataclass(frozen=True)
class ValueQuota:
    """What the facilitator entered for one feature value."""

    value_id: int
    population: int
    min_quota: int | None
    max_quota: int | None
    translations: Mapping[str, Mapping[str, str]] | None = None  # the label in other languages; None: kept


def quota_errors(
    *, features: Sequence[Feature], entered: dict[int, ValueQuota], panel_size: int
) -> list[PanelError]:
    """Every reason the entered quotas cannot give a panel of ``panel_size``, before any pool is seen."""
    errors: list[PanelError] = []
    for feature in features:
        values = list(feature.values.all())
        rows = [entered.get(v.pk) or ValueQuota(v.pk, v.population, v.min_quota, v.max_quota) for v in values]
        defaults = proportional_bounds([row.population for row in rows], panel_size)
        low_total = high_total = 0
        for value, row, default in zip(values, rows, defaults, strict=True):
            if row.min_quota is not None and row.max_quota is not None and row.min_quota > row.max_quota:
                errors.append(
                    PanelError(
                        "quota_min_above_max",
                        feature=feature.name,
                        value=value.label,
                        min=row.min_quota,
                        max=row.max_quota,
                    )
                )
            low, high = effective_bounds(set_min=row.min_quota, set_max=row.max_quota, default=default)
            low_total += low
            high_total += high
        if low_total > panel_size:
            errors.append(
                PanelError("quota_mins_too_high", feature=feature.name, total=low_total, size=panel_size)
            )
        if high_total < panel_size:
            errors.append(
                PanelError("quota_maxes_too_low", feature=feature.name, total=high_total, size=panel_size)
            )
    return errors
