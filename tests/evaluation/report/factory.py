"""Hand-made evidence in the shape of ``evaluation.evidence`` (brief of issue 15), stored for an edition.

The numbers are small and round so that a test can work its expected figures out by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from editions.models import Edition
from evaluation.evidence import EVIDENCE_VERSION
from evaluation.evidence.edition import edition_figures
from evaluation.models import EditionEvidence


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    eligible: int | None
    voters_online: int = 0
    voters_paper: int = 0
    respondents: int = 0
    members: int = 0
    submitters: int = 0
    supporters: int = 0

    def row(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "eligible": self.eligible,
            "submitters": self.submitters,
            "supporters": self.supporters,
            "voters_online": self.voters_online,
            "voters_paper": self.voters_paper,
            "respondents": self.respondents,
            "members": self.members,
        }


DEFAULT_PLACES = (
    Place("slotermeer", "Slotermeer", 1000, voters_online=150, voters_paper=50, submitters=4, supporters=120),
    Place("osdorp", "Osdorp", 2000, voters_online=100, voters_paper=0, submitters=2, supporters=80),
)


@dataclass(frozen=True)
class Delivery:
    projects: int = 4
    completed: int = 3
    stopped: int = 0
    in_progress: int = 1
    median_days: float | None = 120.0
    awarded_cents: int = 10_000_000
    paid_cents: int = 9_000_000
    spent_cents: int = 8_000_000
    returned_cents: int = 500_000


@dataclass(frozen=True)
class Made:
    """What to put in the evidence; every default is a plausible small online-vote edition."""

    places: Sequence[Place] = DEFAULT_PLACES
    representativeness: dict[str, float | None] = field(
        default_factory=lambda: {
            "turnout_ratio": 0.5,
            "turnout_psi": 0.8,
            "panel_psi_age": None,
            "panel_psi_gender": None,
            "voter_psi_age": 0.9,
            "voter_psi_gender": None,
        }
    )
    delivery: Delivery = Delivery()
    costs: dict[str, Any] = field(
        default_factory=lambda: {"staff_hours": 100.0, "amount_cents": 300_000, "lines": 2}
    )
    satisfaction: float | None = 4.0
    voter_answers: int | None = 40
    decided: bool = True  # the decision is made (a published result or the panel's decision)


def _totals(places: Sequence[Place]) -> dict[str, Any]:
    keys = ("submitters", "supporters", "voters_online", "voters_paper", "respondents", "members")
    totals: dict[str, Any] = {key: sum(getattr(p, key) for p in places) for key in keys}
    known = [p.eligible for p in places if p.eligible is not None]
    totals["eligible"] = sum(known) if len(known) == len(places) else None
    return totals


def _groups(made: Made) -> dict[str, Any]:
    def row(key: str, label: str, eligible: int, members: int, answers: int | None) -> dict[str, Any]:
        return {
            "key": key,
            "label": label,
            "eligible": eligible,
            "respondents": members * 3,
            "members": members,
            "voter_answers": answers,
        }

    half = None if made.voter_answers is None else made.voter_answers // 2
    return {
        "age_band": [row("16-24", "16–24", 600, 2, half), row("25-plus", "25+", 2400, 8, half)],
        "gender": [row("vrouw", "Vrouw", 1500, 5, half), row("man", "Man", 1500, 5, half)],
    }


def _funnel() -> dict[str, Any]:
    stages = [
        ("started", 10),
        ("submitted", 8),
        ("supported", 7),
        ("feasible", 6),
        ("on_ballot", 6),
        ("chosen", 4),
        ("completed", 3),
    ]
    return {
        "stages": [{"key": k, "count": n} for k, n in stages],
        "by_neighbourhood": [{"slug": "slotermeer", "name": "Slotermeer", "stages": dict(stages)}],
        "by_theme": [{"slug": "groen", "name": "Groen", "stages": dict(stages)}],
        "dropouts": [
            {"reason": "not_submitted", "count": 2},
            {"reason": "too_few_likes", "count": 1},
            {"reason": "not_feasible:legal", "count": 1},
            {"reason": "not_chosen", "count": 2},
        ],
        "durations": [
            {"key": "submit", "side": "resident", "median_days": 12.5, "n": 8},
            {"key": "review", "side": "district", "median_days": 20.0, "n": 8},
        ],
    }


def _quality() -> dict[str, Any]:
    return {
        "sections": [
            {
                "key": "all",
                "label": "Hele stadsdeel",
                "voters": 300,
                "chosen": 4,
                "share_with_chosen": 0.75,
                "avg_satisfaction": 3_289_629.63,
                "gini": 0.3,
                "rule": "mes",
            }
        ],
        "comparison": [
            {
                "section": "all",
                "rule": "mes",
                "satisfaction": "cost",
                "chosen": 4,
                "total_cost_cents": 9_000_000,
                "share_with_chosen": 0.75,
                "avg_satisfaction": 3_289_629.63,
                "gini": 0.3,
            },
            {
                "section": "all",
                "rule": "greedy",
                "satisfaction": "cost",
                "chosen": 3,
                "total_cost_cents": 9_500_000,
                "share_with_chosen": 0.6,
                "avg_satisfaction": 2_000_049.0,
                "gini": 0.45,
            },
        ],
        "money_by_neighbourhood": [
            {"slug": "slotermeer", "name": "Slotermeer", "awarded_cents": 6_000_000, "eligible": 1000},
            {"slug": "osdorp", "name": "Osdorp", "awarded_cents": 4_000_000, "eligible": 2000},
        ],
        "satisfaction": "cost",
    }


def _surveys(made: Made) -> list[dict[str, Any]]:
    satisfied = {
        "key": "tevreden",
        "text": "Hoe tevreden bent u?",
        "kind": "scale",
        "role": "satisfaction",
        "answers": 40,
        "suppressed": made.satisfaction is None,
        "mean": made.satisfaction,
        "distribution": []
        if made.satisfaction is None
        else [{"key": str(v), "label": str(v), "count": c} for v, c in ((3, 10), (4, 20), (5, 10))],
    }
    small = {
        "key": "eerste",
        "text": "Eerste keer?",
        "kind": "single",
        "role": "first_time",
        "answers": 6,
        "suppressed": True,
        "mean": None,
        "distribution": [],
    }
    return [{"kind": "voter", "title": "Na het stemmen", "responses": 40, "questions": [satisfied, small]}]


def evidence_data(edition: Edition, made: Made | None = None) -> dict[str, Any]:
    """A complete evidence document for ``edition`` (its own ``edition`` section, the rest made up)."""
    made = made or Made()
    places = list(made.places)
    return {
        "missing": [],
        "edition": {**edition_figures(edition), "decided": made.decided},
        "participation": {
            "neighbourhoods": [p.row() for p in places],
            "totals": _totals(places),
            "groups": _groups(made),
            "representativeness": dict(made.representativeness),
        },
        "funnel": _funnel(),
        "obstacles": {
            "blockers": [
                {"category": "permit", "count": 3, "solved": 2, "unsolved": 1, "median_days_to_solve": 14.0}
            ],
            "by_neighbourhood": [{"slug": "slotermeer", "name": "Slotermeer", "count": 3, "unsolved": 1}],
            "help_requests": {"count": 5, "answered": 4, "median_days_to_answer": 3.0},
            "survey_categories": [
                {"survey_kind": "voter", "category": "website", "count": 12},
                {"survey_kind": "voter", "category": "brief", "count": None},
            ],
        },
        "quality": _quality(),
        "delivery": {
            "projects": made.delivery.projects,
            "completed": made.delivery.completed,
            "stopped": made.delivery.stopped,
            "in_progress": made.delivery.in_progress,
            "median_days_to_completion": made.delivery.median_days,
            "awarded_cents": made.delivery.awarded_cents,
            "paid_cents": made.delivery.paid_cents,
            "spent_cents": made.delivery.spent_cents,
            "returned_cents": made.delivery.returned_cents,
        },
        "surveys": _surveys(made),
        "costs": dict(made.costs),
    }


def store_evidence(
    edition: Edition,
    made: Made | None = None,
    *,
    at: datetime | None = None,
    data: dict[str, Any] | None = None,
) -> EditionEvidence:
    """Store hand-made evidence for ``edition`` as fresh (computed ``at``, default now)."""
    row, _created = EditionEvidence.objects.update_or_create(
        edition=edition,
        defaults={
            "computed_at": at or timezone.now(),
            "version": EVIDENCE_VERSION,
            "data": data if data is not None else evidence_data(edition, made),
        },
    )
    return row
