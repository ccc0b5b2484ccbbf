"""The ballot of an edition: its sections (one per sub-budget, or "main") and the plans in each.

A plan is on the ballot when its review was published feasible and, once the edition's shortlist
is published, when it is on that shortlist. With sub-budgets, a plan goes to the section of its
neighbourhood (a neighbourhood's sub-budget first) or else of its theme; plans matching no sub-budget
go to "main", which holds what the sub-budgets leave of the total. The count and the ballot page
both read this, so they cannot disagree on what was on the ballot.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch

from editions.models import Edition, SubBudget
from proposals.models import Plan, PlanImage, PlanStatus
from proposals.selectors.listing import public_plans
from review.models import ShortlistPublication

MAIN = "main"
# Casting reads the sections on every ballot; during a vote they do not change (plans can no longer
# be withdrawn or reviewed), so they are cached briefly: in the shared cache, and for a few seconds
# in each process as well (a round trip and unpickling less per ballot).
CACHE_SECONDS = 30
MEMO_SECONDS = 5.0
_memo: dict[tuple[int, str], tuple[float, tuple[Section, ...]]] = {}


@dataclass(frozen=True)
class BallotPlan:
    pk: int
    title: str
    summary: str
    cost_cents: int
    neighbourhood: str
    theme: str
    image_url: str
    image_alt: str
    # The title, summary and theme in other languages ({"en": {"title": …, "theme": …}}), so the ballot
    # shows them through the ``translated`` tags like the plan's own page (common.translated).
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    budget_cents: int
    plans: tuple[BallotPlan, ...]

    @property
    def plan_ids(self) -> frozenset[int]:
        return frozenset(p.pk for p in self.plans)

    def cost_of(self, plan_id: int) -> int:
        return next(p.cost_cents for p in self.plans if p.pk == plan_id)


# Plans chosen by the decision move on to execution; they were on the ballot all the same.
CHOSEN_STATUSES = (PlanStatus.SELECTED, PlanStatus.IN_EXECUTION, PlanStatus.COMPLETED)


def ballot_statuses(edition: Edition) -> tuple[str, ...]:
    if ShortlistPublication.objects.filter(edition=edition).exists():
        return (PlanStatus.SHORTLISTED, *CHOSEN_STATUSES)
    return (PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED, *CHOSEN_STATUSES)


def section_key(sub_budget: SubBudget) -> str:
    if sub_budget.neighbourhood_id is not None:
        return f"n-{sub_budget.neighbourhood.slug}"  # type: ignore[union-attr]
    return f"t-{sub_budget.theme.slug}"  # type: ignore[union-attr]


def ballot_sections(edition: Edition) -> tuple[Section, ...]:
    """Every section of the edition's ballot, in a stable order (sub-budgets by name, then main)."""
    plans = list(
        public_plans()
        .filter(edition=edition, status__in=ballot_statuses(edition))
        .prefetch_related(Prefetch("images", queryset=PlanImage.objects.order_by("position", "pk")))
        .order_by("title", "pk")
    )
    subs = list(
        SubBudget.objects.filter(edition=edition)
        .select_related("neighbourhood", "theme")
        .order_by("neighbourhood__name", "theme__name")
    )
    by_neighbourhood = {s.neighbourhood_id: s for s in subs if s.neighbourhood_id is not None}
    by_theme = {s.theme_id: s for s in subs if s.theme_id is not None}
    grouped: dict[str, list[BallotPlan]] = {section_key(s): [] for s in subs}
    grouped[MAIN] = []
    for plan in plans:
        sub = (
            by_neighbourhood.get(plan.neighbourhood_id) if plan.neighbourhood_id else None
        ) or by_theme.get(plan.theme_id)
        grouped[section_key(sub) if sub else MAIN].append(_ballot_plan(plan))
    sections = [Section(section_key(s), str(s), s.amount_cents, tuple(grouped[section_key(s)])) for s in subs]
    rest = edition.total_budget_cents - sum(s.amount_cents for s in subs)
    if not subs or (grouped[MAIN] and rest > 0):
        sections.append(Section(MAIN, edition.name, rest, tuple(grouped[MAIN])))
    return tuple(s for s in sections if s.plans) or tuple(sections[-1:])


def plan_numbers(sections: tuple[Section, ...]) -> dict[int, int]:
    """Each plan's number on the printed paper ballot: 1, 2, … through the sections in their order.
    The paper ballot prints them and the paper-ballot entry shows them, so the two cannot differ."""
    plans = [plan.pk for section in sections for plan in section.plans]
    return {pk: number for number, pk in enumerate(plans, start=1)}


def ballot_sections_cached(edition: Edition) -> tuple[Section, ...]:
    memo_key = (edition.pk, edition.slug)
    now = time.monotonic()
    held = _memo.get(memo_key)
    if held is not None and held[0] > now:
        return held[1]
    key = f"voting:sections:{edition.pk}:{edition.slug}"
    sections: tuple[Section, ...] | None = cache.get(key)
    if sections is None:
        sections = ballot_sections(edition)
        cache.set(key, sections, CACHE_SECONDS)
    if len(_memo) > 100:
        _memo.clear()
    _memo[memo_key] = (now + MEMO_SECONDS, sections)
    return sections


def forget_sections() -> None:
    """Empty this process's memo (tests change plans between casts)."""
    _memo.clear()


def _ballot_plan(plan: Plan) -> BallotPlan:
    images = list(plan.images.all())
    return BallotPlan(
        pk=plan.pk,
        title=plan.title,
        summary=plan.summary,
        cost_cents=int(plan.cost_cents),  # type: ignore[attr-defined]
        neighbourhood=plan.neighbourhood.name if plan.neighbourhood is not None else "",
        theme=plan.theme.name,
        image_url=images[0].image.url if images else "",
        image_alt=images[0].alt_text if images else "",
        translations=_translations(plan),
    )


def _translations(plan: Plan) -> dict[str, dict[str, str]]:
    texts = {language: dict(fields) for language, fields in (plan.translations or {}).items()}
    for language, fields in (plan.theme.translations or {}).items():
        if fields.get("name"):
            texts.setdefault(language, {})["theme"] = fields["name"]
    return texts
