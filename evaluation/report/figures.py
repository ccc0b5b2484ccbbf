"""The figures of the learning report: their anchors (a lesson's evidence names one) and the report's
parts built from an edition's evidence (``evaluation.evidence``) as charts, tables and facts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .blocks import Block

# Every figure a report shows, by anchor (the ``id`` on its page and a lesson's ``evidence``).
ANCHORS: dict[str, Promise] = {
    "turnout-neighbourhoods": gettext_lazy("Participation per neighbourhood"),
    "participation-groups": gettext_lazy("Who took part, by age and gender"),
    "representativeness": gettext_lazy("Representativeness"),
    "funnel": gettext_lazy("From plan to project"),
    "dropouts": gettext_lazy("Why plans dropped out"),
    "durations": gettext_lazy("How long each step took"),
    "blockers": gettext_lazy("Blockers while carrying out"),
    "help-requests": gettext_lazy("Help requests"),
    "quality": gettext_lazy("Outcome quality"),
    "rule-comparison": gettext_lazy("Equal Shares and greedy compared"),
    "money-neighbourhoods": gettext_lazy("Money per neighbourhood"),
    "delivery": gettext_lazy("Carrying out and money"),
    "surveys": gettext_lazy("Survey results"),
    "costs": gettext_lazy("Cost of running the edition"),
    "models": gettext_lazy("Decision models side by side"),
}


def is_anchor(slug: str) -> bool:
    return slug in ANCHORS


def anchor_title(slug: str) -> str:
    return str(ANCHORS[slug]) if slug in ANCHORS else slug


def rate(count: int | float | None, population: int | float | None) -> float | None:
    """``count`` as a percentage of ``population``; None when either is unknown or the population is 0."""
    if count is None or not population:
        return None
    return 100.0 * count / population


def share(value: int | float | None, total: int | float | None) -> float | None:
    """A fraction (0–1) written as a percentage."""
    return None if value is None or total is None else rate(value, total)


def place_name(row: Mapping[str, Any]) -> str:
    """A neighbourhood's name; the row of plans without a neighbourhood (slug and name empty) is the
    whole district's."""
    if not row.get("slug") and not row.get("name"):
        return _("The whole district")
    return str(row.get("name") or row.get("slug"))


def unavailable(anchor: str) -> Block:
    """The block of a figure whose section is not in the evidence (its part computes nothing yet)."""
    return Block(anchor=anchor, title=anchor_title(anchor), notes=[_("These figures are not available yet.")])


def reach(evidence: Mapping[str, Any]) -> int | None:
    """The people who took part in the decision: voters (online and paper) and panel sign-ups.

    None when the participation figures are not in the evidence.
    """
    participation = evidence.get("participation")
    if not participation:
        return None
    totals = participation.get("totals") or {}
    return sum(int(totals.get(key) or 0) for key in ("voters_online", "voters_paper", "respondents"))


def per_person(amount: float | None, people: int | None) -> float | None:
    """``amount`` divided over ``people``; None when there is nobody (or no amount)."""
    return None if amount is None or not people else amount / people
