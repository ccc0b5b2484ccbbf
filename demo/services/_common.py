"""What the demo loaders share: Amsterdam time, and moments inside the phase that opens an action."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from editions.models import Edition, Phase
from editions.phases import Action
from editions.timeline import phase_opening

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def phase_of(edition: Edition, *actions: Action, last: bool = False) -> Phase:
    """The edition's first (``last``: last) phase that opens any of ``actions``; the demo's content
    gives every edition the phases its loaders ask for."""
    phase = phase_opening(edition, *actions, last=last)
    if phase is None:
        raise ValueError(f"{edition.slug} has no phase that opens {', '.join(actions)}")
    return phase


def phase_so_far(edition: Edition, action: Action, *, now: datetime) -> tuple[datetime, datetime]:
    """The start of the first phase opening ``action`` and its end, or ``now`` while it runs."""
    phase = phase_of(edition, action)
    return phase.starts_at, min(phase.ends_at, now)


def result_phase(edition: Edition) -> Phase:
    """The phase the result is counted and published in: the last that opens the count (in a hybrid
    edition where the public votes first, the panel's phase before it opens the count too)."""
    return phase_of(edition, Action.RUN_COUNT, last=True)


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
