"""What the demo loaders share: Amsterdam time and moments inside a phase."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from editions.models import Edition, Phase

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def phase_of(edition: Edition, kind: str) -> Phase:
    return next(phase for phase in edition.phases.all() if phase.kind == kind)


def phase_so_far(edition: Edition, kind: str, *, now: datetime) -> tuple[datetime, datetime]:
    """The phase's start and its end, or ``now`` when the phase is still running."""
    phase = phase_of(edition, kind)
    return phase.starts_at, min(phase.ends_at, now)


def between(start: datetime, end: datetime, fraction: float) -> datetime:
    """The moment ``fraction`` (0–1) of the way from ``start`` to ``end``, to the whole minute."""
    return (start + (end - start) * fraction).replace(second=0, microsecond=0)


def waking(moment: datetime, *, latest: datetime) -> datetime:
    """Move a moment between 23:00 and 07:00 (Amsterdam) eight hours on, unless that passes ``latest``.

    Comments posted at half past three in the night make the demo look generated.
    """
    hour = moment.astimezone(AMSTERDAM).hour
    later = moment + timedelta(hours=8)
    return later if (hour < 7 or hour >= 23) and later <= latest else moment
