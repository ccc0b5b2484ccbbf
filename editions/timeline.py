"""An edition's phases on a time line: which phase is current, derived from the dates alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.utils import timezone

from .models import Edition, Phase
from .phases import CHAIN_ORDER, PHASES, Action, PhaseSpec, Step, phase_label, phase_text, step_key

PhaseState = Literal["past", "current", "upcoming"]


@dataclass(frozen=True)
class TimelineEntry:
    phase: Phase
    spec: PhaseSpec
    state: PhaseState
    step: str = Step.ONLINE_VOTE  # the edition's decision model or hybrid order (editions.phases.step_key)

    @property
    def label(self) -> str:
        """The phase's name for this edition (e.g. "Shortlist by the citizens' panel")."""
        return phase_label(self.phase.kind, self.step)

    @property
    def text(self) -> str:
        """What happens in this phase, for residents, for this edition."""
        return phase_text(self.phase.kind, self.step)

    @property
    def opens(self) -> frozenset[Action]:
        """The actions this phase opens in this edition (under its decision model and hybrid order)."""
        return self.spec.opens_for(self.step)


@dataclass(frozen=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]
    at: datetime

    @property
    def current(self) -> TimelineEntry | None:
        return next((e for e in self.entries if e.state == "current"), None)

    @property
    def upcoming(self) -> TimelineEntry | None:
        return next((e for e in self.entries if e.state == "upcoming"), None)

    @property
    def has_started(self) -> bool:
        return any(e.state != "upcoming" for e in self.entries)

    @property
    def has_ended(self) -> bool:
        return bool(self.entries) and all(e.state == "past" for e in self.entries)

    @property
    def is_running(self) -> bool:
        return self.has_started and not self.has_ended

    @property
    def opens(self) -> frozenset[Action]:
        current = self.current
        return current.opens if current else frozenset()

    def entry_opening(self, action: Action) -> TimelineEntry | None:
        """The first phase of this edition that opens ``action`` (e.g. the phase of the vote), if any."""
        return next((e for e in self.entries if action in e.opens), None)

    def entries_opening(self, *actions: Action) -> tuple[TimelineEntry, ...]:
        """This edition's phases that open any of ``actions``, in chain order."""
        return tuple(e for e in self.entries if not e.opens.isdisjoint(actions))

    def has_phase_opening(self, action: Action) -> bool:
        """Whether any of this edition's phases opens ``action``, now or at another time."""
        return self.entry_opening(action) is not None


def build_timeline(
    phases: Iterable[Phase], *, at: datetime | None = None, step: str = Step.ONLINE_VOTE
) -> Timeline:
    """Order phases by the declared chain and mark each past, current or upcoming at ``at``."""
    moment = at or timezone.now()
    ordered = sorted(phases, key=lambda p: (CHAIN_ORDER[p.kind], p.starts_at))
    entries = tuple(
        TimelineEntry(
            phase=p,
            spec=PHASES[p.kind],
            state="past" if p.ends_at <= moment else "current" if p.starts_at <= moment else "upcoming",
            step=step,
        )
        for p in ordered
    )
    return Timeline(entries=entries, at=moment)


def timeline_of(edition: Edition, *, at: datetime | None = None) -> Timeline:
    """The edition's timeline; uses ``edition.phases.all()``, so prefetch ``phases`` in lists."""
    return build_timeline(
        edition.phases.all(), at=at, step=step_key(edition.decision_model, edition.hybrid_order)
    )


def phase_opening(edition: Edition, *actions: Action, last: bool = False) -> Phase | None:
    """The edition's first (``last``: last) phase that opens any of ``actions`` under its decision
    model, e.g. the phase of its vote; None when no phase of the edition opens one."""
    entries = timeline_of(edition).entries_opening(*actions)
    if not entries:
        return None
    return entries[-1 if last else 0].phase
