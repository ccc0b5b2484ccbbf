"""Where the citizens' panel stands in its edition: which step it takes, and whether it may decide now.

A panel edition's panel decides in the decision phase. In a hybrid edition the panel either makes
the shortlist (panel first: in the shortlist phase, through review's shortlist pages) or decides
after the public vote, with the vote's count as advice (vote first: in the panel phase).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action
from review.models import ShortlistPublication

from .models import PanelDecision, PanelStep


def panel_step(edition: Edition) -> str | None:
    """What the panel decides in this edition: the decision, the shortlist, or nothing (no panel)."""
    if edition.panel_decides:
        return PanelStep.DECISION
    if edition.panel_shortlists:
        return PanelStep.SHORTLIST
    return None


def decision_open(edition: Edition, *, at: datetime | None = None) -> bool:
    """Whether the panel may vote or record its decision now: the phase that opens it is current
    (the decision phase of a panel edition, the panel phase of a hybrid edition that votes first)."""
    return is_open(edition, Action.RECORD_PANEL_DECISION, at=at)


@dataclass(frozen=True)
class PublishedStep:
    """The panel's decision or shortlist as published: which step, and when it became public."""

    step: str
    published_at: datetime


def published_decision(edition: Edition) -> PublishedStep | None:
    """The panel's published decision (or shortlist), once it has taken effect in public.

    A decision is published with the result (``PanelDecision.published_at``); the panel's shortlist
    is published through review's shortlist pages (``ShortlistPublication``).
    """
    step = panel_step(edition)
    if step == PanelStep.SHORTLIST:
        shortlist = ShortlistPublication.objects.filter(edition=edition).first()
        return PublishedStep(step, shortlist.published_at) if shortlist else None
    decision = PanelDecision.objects.filter(
        edition=edition, step=PanelStep.DECISION, published_at__isnull=False
    ).first()
    return (
        PublishedStep(PanelStep.DECISION, decision.published_at)
        if decision and decision.published_at
        else None
    )
