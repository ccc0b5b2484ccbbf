"""The evidence's ``edition`` section: what the edition was, in keys and numbers (labels come later)."""

from __future__ import annotations

from typing import Any

from deliberation.models import PanelDecision, PanelStep
from editions.models import Edition
from editions.phases import step_key
from outcomes.models import Count, CountStatus


def is_decided(edition: Edition) -> bool:
    """Whether the edition's decision is made: a published result, or the panel's recorded decision.

    Until then its participation and money are still moving, so the comparison across editions leaves
    it out (and names it as still running)."""
    published = Count.objects.filter(
        edition=edition, is_current=True, status=CountStatus.DONE, published_at__isnull=False
    ).exists()
    return published or PanelDecision.objects.filter(edition=edition, step=PanelStep.DECISION).exists()


def edition_figures(edition: Edition) -> dict[str, Any]:
    """Name, place, year, decision model, rules, dated phases of ``edition`` and whether its decision
    is made (JSON-ready)."""
    district = edition.district
    municipality = district.municipality
    return {
        "slug": edition.slug,
        "name": edition.name,
        "year": edition.year,
        "district": district.name,
        "district_slug": district.slug,
        "municipality": municipality.name,
        "municipality_slug": municipality.slug,
        "step": step_key(edition.decision_model, edition.hybrid_order),
        "decision_model": edition.decision_model,
        "hybrid_order": edition.hybrid_order,
        "min_age": edition.min_age,
        "budget_cents": edition.total_budget_cents,
        "ballot_format": edition.ballot_format,
        "rule": edition.aggregation_rule,
        "decided": is_decided(edition),
        "phases": [
            {
                "kind": phase.kind,
                "starts_at": phase.starts_at.isoformat(),
                "ends_at": phase.ends_at.isoformat(),
            }
            for phase in sorted(edition.phases.all(), key=lambda p: p.starts_at)
        ],
    }
