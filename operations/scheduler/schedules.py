"""When a job is due: every N minutes, or daily at a local time (Europe/Amsterdam).

A schedule maps any moment to its *slot*: the latest scheduled moment at or before it. Every node
computes the same slot for the same moment, so the slot (with the job's name) identifies one run
across all nodes. A job whose slot has no run yet is due; a scheduler that was down runs each job
once when it comes back (the current slot), not once per missed slot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from django.conf import settings


class Schedule(Protocol):
    def slot_at(self, moment: datetime) -> datetime:
        """The latest scheduled moment at or before ``moment`` (aware, UTC)."""

    def describe(self) -> str:
        """In English, for the docs' table and the operator's listing."""


@dataclass(frozen=True)
class Every:
    """Every ``minutes`` minutes, aligned to the hour when ``minutes`` divides 60 (UTC epoch slots)."""

    minutes: int

    def __post_init__(self) -> None:
        if not 1 <= self.minutes <= 24 * 60:
            raise ValueError("Every(minutes) takes 1 to 1440 minutes")

    def slot_at(self, moment: datetime) -> datetime:
        step = self.minutes * 60
        return datetime.fromtimestamp(int(moment.timestamp()) // step * step, tz=UTC)

    def describe(self) -> str:
        return f"every {self.minutes} minutes" if self.minutes != 60 else "hourly"


@dataclass(frozen=True)
class DailyAt:
    """Daily at ``hour``:``minute`` local time (TIME_ZONE, Europe/Amsterdam), daylight saving included.

    Keep clear of 02:00–03:00: that hour is skipped in spring and happens twice in autumn.
    """

    hour: int
    minute: int = 0

    def __post_init__(self) -> None:
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise ValueError("DailyAt takes an hour 0-23 and a minute 0-59")

    def slot_at(self, moment: datetime) -> datetime:
        zone = ZoneInfo(settings.TIME_ZONE)
        local = moment.astimezone(zone)
        at = datetime.combine(local.date(), time(self.hour, self.minute), tzinfo=zone)
        if at > local:
            at = datetime.combine(local.date() - timedelta(days=1), time(self.hour, self.minute), tzinfo=zone)
        return at.astimezone(UTC)

    def describe(self) -> str:
        return f"daily at {self.hour:02d}:{self.minute:02d} ({settings.TIME_ZONE})"
