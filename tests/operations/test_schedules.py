"""Schedules: every node computes the same slot for the same moment, daylight saving included."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from operations.scheduler.schedules import DailyAt, Every

AMS = ZoneInfo("Europe/Amsterdam")


def test_every_five_minutes_slots_start_on_the_five_minutes() -> None:
    every = Every(5)
    late = datetime(2027, 3, 1, 10, 7, 59, tzinfo=AMS)
    assert every.slot_at(late) == datetime(2027, 3, 1, 9, 5, tzinfo=UTC)
    assert every.slot_at(datetime(2027, 3, 1, 10, 10, tzinfo=AMS)) == datetime(2027, 3, 1, 9, 10, tzinfo=UTC)


def test_daily_at_is_local_time_before_and_after_the_clock_change() -> None:
    daily = DailyAt(18, 0)
    winter = daily.slot_at(datetime(2027, 3, 27, 19, 0, tzinfo=AMS))
    summer = daily.slot_at(datetime(2027, 3, 28, 19, 0, tzinfo=AMS))
    assert winter == datetime(2027, 3, 27, 17, 0, tzinfo=UTC)
    assert summer == datetime(2027, 3, 28, 16, 0, tzinfo=UTC)
    assert summer.astimezone(AMS).hour == 18


def test_daily_at_before_its_time_belongs_to_yesterdays_slot() -> None:
    daily = DailyAt(9, 0)
    assert daily.slot_at(datetime(2027, 5, 2, 8, 59, tzinfo=AMS)) == datetime(2027, 5, 1, 9, 0, tzinfo=AMS)
    assert daily.slot_at(datetime(2027, 5, 2, 9, 0, tzinfo=AMS)) == datetime(2027, 5, 2, 9, 0, tzinfo=AMS)


@pytest.mark.parametrize("bad", [lambda: Every(0), lambda: DailyAt(24, 0), lambda: DailyAt(9, 60)])
def test_impossible_schedules_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        bad()  # type: ignore[operator]
