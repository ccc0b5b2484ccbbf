"""What a chart shows: categories, one or more series of values, and how to write a value."""

from __future__ import annotations

import math
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


@dataclass(frozen=True)
class Point:
    """One thing on a scatter chart: where it sits (``x``, ``y``) and whether it is marked (e.g. funded)."""

    label: str
    x: float
    y: float
    marked: bool = False


@dataclass(frozen=True)
class ScatterChart:
    """Points on two axes from zero, the marked ones drawn as filled squares and the others as open
    circles (shape and fill tell them apart, not colour alone); a legend names both kinds.

    ``x_unit``/``y_unit`` write the axes' values as ``format_value`` does (euros in cents).
    """

    key: str
    title: str
    points: Sequence[Point]
    x_label: str
    y_label: str
    marked_label: str
    unmarked_label: str
    x_unit: Unit = "count"
    y_unit: Unit = "count"
    description: str = ""

    @property
    def x_max(self) -> float:
        return max((p.x for p in self.points), default=0.0) or 1.0

    @property
    def y_max(self) -> float:
        return max((p.y for p in self.points), default=0.0) or 1.0

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The data table: each point's label, its two values written out, and its kind."""
        return [
            (
                p.label,
                format_value(p.x, self.x_unit),
                format_value(p.y, self.y_unit),
                self.marked_label if p.marked else self.unmarked_label,
            )
            for p in self.points
        ]


def nice_ticks(largest: float, *, count: int = 4) -> list[float]:
    """Round values from 0 up to at least ``largest`` at a step of 1, 2 or 5 times a power of ten,
    about ``count`` steps: the gridlines of an axis."""
    if largest <= 0:
        return [0.0, 1.0]
    raw = largest / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    steps = math.ceil(largest / step - 1e-9)
    return [i * step for i in range(steps + 1)]
