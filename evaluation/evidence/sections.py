"""Which function computes which section of the evidence: one line per part of the learning programme."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from editions.models import Edition

from ..costs.selectors import cost_figures
from ..delivery.selectors import delivery_figures
from ..funnel.selectors import funnel_figures
from ..obstacles.selectors import obstacle_figures
from ..participation.selectors import participation_figures
from ..quality.selectors import quality_figures
from ..surveys.selectors import survey_figures
from .edition import edition_figures

# Raise when the shape of a section changes: stored evidence of an older version counts as stale.
EVIDENCE_VERSION = 3

# Section name → the function ``(edition) -> dict | list`` that computes it (JSON-ready).
SECTIONS: dict[str, Callable[[Edition], Any]] = {
    "edition": edition_figures,
    "participation": participation_figures,
    "funnel": funnel_figures,
    "obstacles": obstacle_figures,
    "quality": quality_figures,
    "delivery": delivery_figures,
    "surveys": survey_figures,
    "costs": cost_figures,
}
