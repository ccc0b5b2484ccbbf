"""The current phase comes from the dates alone: gaps, before the start, after the end, boundaries."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from editions.models import Phase
from editions.phases import DECIDING_ACTIONS, PHASES, Action
from editions.timeline import build_timeline, phase_opening, timeline_of
from tests import factories

START = datetime(2027, 1, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
DAY = timedelta(days=1)


def _phases(*spans: tuple[str, int, int]) -> list[Phase]:
    """Unsaved phases: (kind, first day, day after the last) counted from START."""
    return [Phase(kind=kind, starts_at=START + a * DAY, ends_at=START + b * DAY) for kind, a, b in spans]


CHAIN_WITH_GAP = _phases(("plans", 0, 10), ("review", 15, 20), ("decision", 20, 30), ("result", 30, 40))


def test_current_phase_is_the_one_whose_dates_contain_the_moment() -> None:
    timeline = build_timeline(CHAIN_WITH_GAP, at=START + 16 * DAY)
    assert timeline.current is not None
    assert timeline.current.phase.kind == "review"
    assert [e.state for e in timeline.entries] == ["past", "current", "upcoming", "upcoming"]
    assert timeline.opens == PHASES["review"].opens_for("online_vote")
    assert timeline.is_running


def test_phase_starts_at_its_start_and_is_over_at_its_end() -> None:
    assert build_timeline(CHAIN_WITH_GAP, at=START + 20 * DAY).current.phase.kind == "decision"  # type: ignore[union-attr]
    just_before = build_timeline(CHAIN_WITH_GAP, at=START + 20 * DAY - timedelta(microseconds=1))
    assert just_before.current.phase.kind == "review"  # type: ignore[union-attr]


def test_in_a_gap_between_phases_nothing_is_current_and_the_next_phase_is_upcoming() -> None:
    timeline = build_timeline(CHAIN_WITH_GAP, at=START + 12 * DAY)
    assert timeline.current is None
    assert timeline.upcoming is not None and timeline.upcoming.phase.kind == "review"
    assert timeline.opens == frozenset()
    assert timeline.is_running


def test_before_the_first_phase_the_edition_has_not_started() -> None:
    timeline = build_timeline(CHAIN_WITH_GAP, at=START - DAY)
    assert timeline.current is None
    assert not timeline.has_started
    assert not timeline.is_running
    assert timeline.upcoming is not None and timeline.upcoming.phase.kind == "plans"
    assert timeline.opens == frozenset()


def test_after_the_last_phase_the_edition_has_ended() -> None:
    timeline = build_timeline(CHAIN_WITH_GAP, at=START + 40 * DAY)
    assert timeline.has_ended
    assert not timeline.is_running
    assert timeline.current is None and timeline.upcoming is None
    assert {e.state for e in timeline.entries} == {"past"}


def test_an_edition_without_phases_has_neither_started_nor_ended() -> None:
    timeline = build_timeline([], at=START)
    assert not timeline.has_started and not timeline.has_ended and timeline.current is None


def test_entries_follow_the_declared_chain_order_whatever_order_they_come_in() -> None:
    timeline = build_timeline(list(reversed(CHAIN_WITH_GAP)), at=START)
    assert [e.phase.kind for e in timeline.entries] == ["plans", "review", "decision", "result"]


@pytest.mark.django_db
def test_timeline_of_an_edition_uses_its_stored_phases() -> None:
    edition = factories.make_edition(start=START)
    timeline = timeline_of(edition, at=START + factories.PHASE_LENGTH + DAY)
    assert timeline.current is not None and timeline.current.phase.kind == "plans"
    assert [e.phase.kind for e in timeline.entries] == list(factories.ALL_PHASE_KINDS)


def test_the_phase_opening_an_action_is_read_from_the_declaration(db: None) -> None:
    online = factories.make_edition()
    panel = factories.make_edition(decision_model="panel")
    assert phase_opening(online, Action.VOTE) == online.phases.get(kind="decision")
    assert phase_opening(panel, Action.VOTE) is None
    assert phase_opening(panel, *DECIDING_ACTIONS) == panel.phases.get(kind="decision")


def test_the_last_phase_opening_an_action_can_be_asked_for(db: None) -> None:
    edition = factories.make_edition(decision_model="hybrid", hybrid_order="vote_then_panel")
    assert phase_opening(edition, Action.RUN_COUNT) == edition.phases.get(kind="panel")
    assert phase_opening(edition, Action.RUN_COUNT, last=True) == edition.phases.get(kind="result")
    assert phase_opening(edition, Action.EDIT_OWN_PLAN, last=True) == edition.phases.get(kind="support")
