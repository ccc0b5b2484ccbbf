"""Durations in days between two moments, and their median: the time figures of the learning report."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import datetime

SECONDS_PER_DAY = 86_400


def days_between(start: datetime | None, end: datetime | None) -> float | None:
    """Days (with fractions) from ``start`` to ``end``; None when either is missing or ``end`` is earlier.

    Both moments are timezone-aware, so a change to or from summer time counts the hours that passed.
    """
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds() / SECONDS_PER_DAY


def median_days(pairs: Iterable[tuple[datetime | None, datetime | None]]) -> tuple[float | None, int]:
    """The median of the days between each (start, end) that has both, and how many there were.

    The median of nothing is None (with n = 0).
    """
    days = [d for d in (days_between(start, end) for start, end in pairs) if d is not None]
    if not days:
        return None, 0
    return float(statistics.median(days)), len(days)
