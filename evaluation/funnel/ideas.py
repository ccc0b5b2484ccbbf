"""Where the funnel starts: ideas posted, ideas that became a plan (per neighbourhood), the days from idea
to submitted plan, and how coached and pre-checked plans fared in the review against the others.

Hidden ideas (moderated away) are not counted. A plan is coached when a coach was assigned to it or to
the idea it came from; pre-checked when a pre-check of it was answered. The review's outcome of a plan
is its recorded verdict, and "changes requested" whether the review asked it for changes at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db.models import Exists, OuterRef, Q

from development.models import Coaching, Idea
from editions.models import Edition
from proposals.models import Plan
from review.models import ChangeRequest, PreCheck, Verdict

from ..privacy import MIN_GROUP
from .timing import median_days

IDEA_STAGES: tuple[str, ...] = ("ideas", "ideas_to_plans", "ideas_submitted")
TRACKS: tuple[str, ...] = ("coached", "prechecked", "others")
FEASIBLE = frozenset({Verdict.FEASIBLE, Verdict.FEASIBLE_AFTER_CHANGES})
OUTCOMES: tuple[str, ...] = ("feasible", "not_feasible", "changes_requested")


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100 * part / whole, 1)


def _by_neighbourhood(
    ideas: Sequence[Mapping[str, Any]], places: Iterable[tuple[Any, str, str]]
) -> list[dict[str, Any]]:
    """Per neighbourhood (``places``: id, slug, name; the whole district's row has id None) the ideas,
    those that became a plan and their share in percent (None without ideas)."""
    out = []
    for place_id, slug, name in places:
        mine = [idea for idea in ideas if idea["neighbourhood_id"] == place_id]
        became = sum(idea["plan_id"] is not None for idea in mine)
        out.append(
            {
                "slug": slug,
                "name": name,
                "ideas": len(mine),
                "became_plans": became,
                "share": _percent(became, len(mine)),
            }
        )
    return out


def _reviewed_plans(edition: Edition) -> list[dict[str, Any]]:
    """Each plan with a recorded verdict: the verdict, and whether it was coached, pre-checked, asked
    for changes (one query)."""
    plan = OuterRef("pk")
    return list(
        Plan.objects.filter(edition=edition, review__verdict__in=Verdict.values)
        .annotate(
            coached=Exists(Coaching.objects.filter(Q(plan=plan) | Q(idea__plan=plan))),
            prechecked=Exists(PreCheck.objects.filter(plan=plan, answered_at__isnull=False)),
            changed=Exists(ChangeRequest.objects.filter(plan=plan)),
        )
        .values("pk", "review__verdict", "coached", "prechecked", "changed")
        .order_by("pk")
    )


def _track(name: str, reviewed: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One group's review outcomes: counts and shares, or only its size when it is too small to compare."""
    n = len(reviewed)
    row: dict[str, Any] = {"group": name, "reviewed": n, "too_few": n < MIN_GROUP}
    counts = {
        "feasible": sum(r["review__verdict"] in FEASIBLE for r in reviewed),
        "not_feasible": sum(r["review__verdict"] == Verdict.NOT_FEASIBLE for r in reviewed),
        "changes_requested": sum(r["changed"] for r in reviewed),
    }
    for key in OUTCOMES:
        row[key] = None if row["too_few"] else counts[key]
        row[f"{key}_share"] = None if row["too_few"] else _percent(counts[key], n)
    return row


def review_by_track(edition: Edition) -> list[dict[str, Any]]:
    """How coached plans, pre-checked plans and the others (neither) fared in the review; a plan both
    coached and pre-checked counts in both. A group under ``MIN_GROUP`` reviewed plans shows no shares."""
    reviewed = _reviewed_plans(edition)
    groups = {
        "coached": [r for r in reviewed if r["coached"]],
        "prechecked": [r for r in reviewed if r["prechecked"]],
        "others": [r for r in reviewed if not r["coached"] and not r["prechecked"]],
    }
    return [_track(name, groups[name]) for name in TRACKS]


def idea_figures(
    edition: Edition, plan_rows: Sequence[Mapping[str, Any]], places: Iterable[tuple[Any, str, str]]
) -> dict[str, Any]:
    """The funnel's beginning (see the module text); ``plan_rows`` as the funnel read them."""
    ideas = list(
        Idea.objects.filter(edition=edition, hidden_at__isnull=True)
        .values("pk", "neighbourhood_id", "plan_id", "created_at")
        .order_by("pk")
    )
    submitted = {row["pk"]: row["submitted_at"] for row in plan_rows}
    drafted = [idea for idea in ideas if idea["plan_id"] is not None]
    to_submission = [(idea["created_at"], submitted.get(idea["plan_id"])) for idea in drafted]
    median, n = median_days(to_submission)
    counts = (len(ideas), len(drafted), sum(end is not None for _start, end in to_submission))
    return {
        "stages": [{"key": key, "count": count} for key, count in zip(IDEA_STAGES, counts, strict=True)],
        "by_neighbourhood": _by_neighbourhood(ideas, places),
        "idea_to_submission": {"median_days": median, "n": n},
        "review_by_track": review_by_track(edition),
    }
