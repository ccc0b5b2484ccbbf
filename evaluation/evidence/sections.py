"""Which function computes which section of the evidence: a table of dotted paths, resolved when used.

The parts' selectors live in their own subpackages; naming them here by path keeps this package free
of their imports (and of import cycles), and lets a part's section be absent until its code exists.
"""

from __future__ import annotations

# Raise when the shape of a section changes: stored evidence of an older version counts as stale.
EVIDENCE_VERSION = 1

# Section name → the function ``(edition) -> dict | list`` that computes it (JSON-ready).
SECTIONS: dict[str, str] = {
    "edition": "evaluation.evidence.edition.edition_figures",
    "participation": "evaluation.participation.selectors.participation_figures",
    "funnel": "evaluation.funnel.selectors.funnel_figures",
    "obstacles": "evaluation.obstacles.selectors.obstacle_figures",
    "quality": "evaluation.quality.selectors.quality_figures",
    "delivery": "evaluation.delivery.selectors.delivery_figures",
    "surveys": "evaluation.surveys.selectors.survey_figures",
    "costs": "evaluation.costs.selectors.cost_figures",
}
