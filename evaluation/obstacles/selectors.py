"""The obstacle figures of an edition (``obstacle_figures``, a section of the evidence) and their sum
across editions (``obstacles_across``, read by the cross-edition report from the stored evidence)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from editions.models import Edition
from evaluation.funnel.timing import median_days
from evaluation.models import Question, QuestionRole, Response
from evaluation.privacy import MIN_GROUP
from execution.models import Blocker, BlockerCategory, HelpRequest
from places.models import Neighbourhood

from .across import obstacles_across

__all__ = ["MIN_GROUP", "obstacle_figures", "obstacles_across", "survey_categories"]


def _blockers(edition: Edition) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per category (every category, in their order) and per neighbourhood of the project's plan."""
    rows = list(
        Blocker.objects.filter(project__edition=edition).values_list(
            "category", "opened_at", "resolved_at", "project__plan__neighbourhood_id"
        )
    )
    categories = []
    for category in BlockerCategory.values:
        mine = [(opened, resolved) for kind, opened, resolved, _ in rows if kind == category]
        solved = sum(1 for _, resolved in mine if resolved is not None)
        median, _n = median_days(mine)
        categories.append(
            {
                "category": category,
                "count": len(mine),
                "solved": solved,
                "unsolved": len(mine) - solved,
                "median_days_to_solve": median,
            }
        )
    places: list[tuple[int | None, str, str]] = list(
        Neighbourhood.objects.filter(district_id=edition.district_id)
        .order_by("name")
        .values_list("pk", "slug", "name")
    )
    if any(place is None for *_, place in rows):
        places.append((None, "", ""))
    by_place = [
        {
            "slug": slug,
            "name": name,
            "count": sum(1 for *_, place in rows if place == pk),
            "unsolved": sum(1 for _, _, resolved, place in rows if place == pk and resolved is None),
        }
        for pk, slug, name in places
    ]
    return categories, by_place


def _help_requests(edition: Edition) -> dict[str, Any]:
    pairs = list(HelpRequest.objects.filter(project__edition=edition).values_list("asked_at", "answered_at"))
    median, _n = median_days(pairs)
    return {
        "count": len(pairs),
        "answered": sum(1 for _, answered in pairs if answered is not None),
        "median_days_to_answer": median,
    }


def _chosen_keys(value: Any) -> list[str]:
    """The choice keys of one answer: a single choice, or several."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def survey_categories(edition: Edition) -> list[dict[str, Any]]:
    """Per survey with a category question and at least one response: how many responses chose each
    of its choices (key and label); a count under ``MIN_GROUP`` is None (suppressed). Surveys by kind,
    choices in their order."""
    questions = list(
        Question.objects.filter(survey__edition=edition, role=QuestionRole.CATEGORY)
        .select_related("survey")
        .order_by("survey__kind", "position", "pk")
    )
    if not questions:
        return []
    counts: dict[int, Counter[str]] = {q.survey_id: Counter() for q in questions}
    keys: dict[int, str] = {}
    for q in questions:
        keys.setdefault(q.survey_id, q.key)
    answered: set[int] = set()
    for survey_id, answers in Response.objects.filter(survey_id__in=list(counts)).values_list(
        "survey_id", "answers"
    ):
        answered.add(survey_id)
        # One category question per survey counts (the first); a respondent counts once per choice.
        counts[survey_id].update(set(_chosen_keys((answers or {}).get(keys[survey_id]))))
    out = []
    seen: set[int] = set()
    for question in questions:
        if question.survey_id in seen or question.survey_id not in answered:
            continue
        seen.add(question.survey_id)
        for choice in question.choices:
            n = counts[question.survey_id][choice["key"]]
            out.append(
                {
                    "survey_kind": question.survey.kind,
                    "category": choice["key"],
                    "label": str(choice.get("label") or choice["key"]),  # as the survey wrote it
                    "count": n if n >= MIN_GROUP else None,
                }
            )
    return out


def obstacle_figures(edition: Edition) -> dict[str, Any]:
    """The evidence's "obstacles" section (see the brief), in a bounded number of queries."""
    blockers, by_neighbourhood = _blockers(edition)
    return {
        "blockers": blockers,
        "by_neighbourhood": by_neighbourhood,
        "help_requests": _help_requests(edition),
        "survey_categories": survey_categories(edition),
    }
