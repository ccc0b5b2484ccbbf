"""What a chart shows: categories, one or more series of values, and how to write a value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.utils.formats import number_format

Unit = Literal["count", "percent", "euro", "days", "score"]


@dataclass(frozen=True)
class Series:
    """One row of values, one per category; ``None`` where there is no figure (shown as such)."""

    name: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one group per category, one bar per series (a legend names the series).

    ``key`` is the figure's anchor in the report (a lesson's evidence points at it). ``unit`` decides
    how values are written: percentages are given as 0–100, euros in cents, days as decimals.
    ``scale_max`` fixes the axis (e.g. 100 for percentages); else the largest value sets it.
    """

    key: str
    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    unit: Unit = "count"
    description: str = ""
    scale_max: float | None = None
    notes: Sequence[str] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series {s.name!r} has {len(s.values)} values for {len(self.categories)} categories"
                )

    @property
    def largest(self) -> float:
        values = [v for s in self.series for v in s.values if v is not None]
        top = max(values, default=0.0)
        if self.scale_max is not None:
            return max(self.scale_max, top)
        return top or 1.0

    def rows(self) -> list[tuple[str, list[str]]]:
        """The data table: each category with its values written out."""
        return [
            (category, [format_value(s.values[i], self.unit) for s in self.series])
            for i, category in enumerate(self.categories)
        ]


def format_value(value: float | None, unit: Unit) -> str:
    """A value as the reader sees it, in the active language's number format."""
    if value is None:
        return "–"
    if unit == "percent":
        return f"{number_format(round(value, 1), decimal_pos=1)} %"
    if unit == "euro":
        return f"€ {number_format(round(value / 100), decimal_pos=0, force_grouping=True)}"
    if unit == "days":
        return number_format(round(value, 1), decimal_pos=1)
    if unit == "score":
        return number_format(round(value, 2), decimal_pos=2)
    return number_format(round(value), decimal_pos=0, force_grouping=True)
