"""Typical costs: what reviewed plans of other editions in the same municipality paid per term.

Which lines count ("reviewed cost lines"): the cost lines of plans whose verdict was published as
feasible — status feasible, shortlisted, selected, in execution or completed; the review sets those
statuses only when it publishes the verdicts — in *other* editions of the same municipality
(``edition.district.municipality``). An edition's own plans never count for it: while its plans are
written its verdicts are not out yet, and once they are, a plan is not compared with its neighbours.
So "earlier" means "reviewed before": any other edition whose verdicts are published, whatever its
year. When the review changed a plan's cost (``reviewed_cost_cents``), its lines are scaled to the
reviewed total, so every amount is one the district accepted.

Speed: one index (term → the amounts with their plan and edition, sorted) is built from those lines
and kept in Django's cache under a version stamp: the number and highest id of the reviewed plans
and their latest change, one small query. A publication changes plans' statuses and times, so the
stamp, so the index; a reviewed plan's lines change only with the plan (the management pages save
it), which moves its ``updated_at``. A look-up is then a dict access.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse

from editions.models import Edition
from proposals.models import CostLine, Plan, PlanStatus

from .terms import Term, terms_of

REVIEWED_STATUSES = (
    PlanStatus.FEASIBLE,
    PlanStatus.SHORTLISTED,
    PlanStatus.SELECTED,
    PlanStatus.IN_EXECUTION,
    PlanStatus.COMPLETED,
)
MIN_LINES = 5  # a typical price needs at least this many reviewed lines …
MIN_PLANS = 3  # … from at least this many plans
LINKED_PLANS = 5  # plans linked under a suggestion, those closest to the median first
CACHE_SECONDS = 24 * 60 * 60

# (amount in cents, plan id, edition id), sorted by amount
Entry = tuple[int, int, int]


@dataclass(frozen=True)
class CostIndex:
    terms: dict[str, tuple[Entry, ...]]
    plan_titles: dict[int, str]


@dataclass(frozen=True)
class PlanLink:
    pk: int
    title: str

    @property
    def url(self) -> str:
        return reverse("pages:plan", kwargs={"pk": self.pk})


@dataclass(frozen=True)
class Suggestion:
    """What reviewed plans paid for one term; the figures are None when there were too few."""

    term: Term
    lines: int
    plans: int
    median_cents: int | None = None
    p25_cents: int | None = None
    p75_cents: int | None = None
    lowest_cents: int | None = None
    highest_cents: int | None = None
    examples: tuple[PlanLink, ...] = ()

    @property
    def enough(self) -> bool:
        return self.median_cents is not None


@dataclass(frozen=True)
class LineComparison:
    """A plan's cost line beside the typical cost of its first term with enough reviewed lines."""

    description: str
    amount_cents: int
    suggestion: Suggestion | None  # None: no reviewed line shares a term with it

    @property
    def difference_percent(self) -> int | None:
        """How far the amount is from the median, in whole percent of the median (+ above, − below)."""
        if self.suggestion is None or not self.suggestion.median_cents:
            return None
        median = self.suggestion.median_cents
        return round(Fraction(100 * (self.amount_cents - median), median))

    @property
    def difference_size(self) -> int | None:
        percent = self.difference_percent
        return None if percent is None else abs(percent)


def suggestions_for(*, edition: Edition, description: str) -> list[Suggestion]:
    """One suggestion per term of ``description`` that reviewed lines have (terms without any: none)."""
    return suggestions_for_lines(edition=edition, descriptions=[description])[0]


def suggestions_for_lines(*, edition: Edition, descriptions: Sequence[str]) -> list[list[Suggestion]]:
    """``suggestions_for`` each of ``descriptions``, from one look-up of the index (none without terms)."""
    terms = [terms_of(description) for description in descriptions]
    if not any(terms):
        return [[] for _ in descriptions]
    index = cost_index(district_id=edition.district_id)
    return [_suggestions(index, line_terms, edition.pk) for line_terms in terms]


def _suggestions(index: CostIndex, terms: tuple[Term, ...], edition_id: int) -> list[Suggestion]:
    found = (_suggestion(index, term, edition_id) for term in terms)
    return [suggestion for suggestion in found if suggestion is not None]


def compare_lines(*, edition: Edition, lines: Iterable[CostLine]) -> list[LineComparison]:
    """Each line of a plan beside the typical cost of its terms (for the reviewers)."""
    index = cost_index(district_id=edition.district_id)
    return [_compare(index, line.description, line.amount_cents, edition.pk) for line in lines]


def _compare(index: CostIndex, description: str, amount: int, edition_id: int) -> LineComparison:
    found = [s for term in terms_of(description) if (s := _suggestion(index, term, edition_id))]
    enough = [s for s in found if s.enough]
    if enough:
        return LineComparison(description, amount, enough[0])
    best = max(found, key=lambda s: (s.plans, s.lines), default=None)
    return LineComparison(description, amount, best)


def _suggestion(index: CostIndex, term: Term, edition_id: int) -> Suggestion | None:
    entries = [entry for entry in index.terms.get(term.key, ()) if entry[2] != edition_id]
    if not entries:
        return None
    plans = len({plan for _, plan, _ in entries})
    if len(entries) < MIN_LINES or plans < MIN_PLANS:
        return Suggestion(term=term, lines=len(entries), plans=plans)
    amounts = [amount for amount, _, _ in entries]
    median = quantile(amounts, Fraction(1, 2))
    return Suggestion(
        term=term,
        lines=len(entries),
        plans=plans,
        median_cents=median,
        p25_cents=quantile(amounts, Fraction(1, 4)),
        p75_cents=quantile(amounts, Fraction(3, 4)),
        lowest_cents=amounts[0],
        highest_cents=amounts[-1],
        examples=_examples(index, entries, median),
    )


def quantile(amounts: Sequence[int], q: Fraction) -> int:
    """The ``q``-quantile of sorted ``amounts``, interpolated between neighbours, rounded to a cent."""
    position = q * (len(amounts) - 1)
    low = int(position)
    if low + 1 >= len(amounts):
        return amounts[-1]
    return round(amounts[low] + (amounts[low + 1] - amounts[low]) * (position - low))


def _examples(index: CostIndex, entries: list[Entry], median: int) -> tuple[PlanLink, ...]:
    closest: dict[int, int] = {}
    for amount, plan, _ in entries:
        distance = abs(amount - median)
        closest[plan] = min(distance, closest.get(plan, distance))
    chosen = sorted(closest, key=lambda plan: (closest[plan], plan))[:LINKED_PLANS]
    return tuple(PlanLink(pk=plan, title=index.plan_titles[plan]) for plan in chosen)


# --- The index ----------------------------------------------------------------------------------
# Kept per district (each holds the lines of the district's whole municipality): the edition names
# its district without a query, and the stamp query reaches the municipality through it.


def _reviewed_plans(district_id: int) -> Any:
    return Plan.objects.filter(
        edition__district__municipality__districts=district_id, status__in=REVIEWED_STATUSES
    )


def version_stamp(*, district_id: int) -> str:
    """Changes whenever a reviewed plan of the municipality comes, goes or changes (a publication
    changes statuses; a plan's lines change only with the plan, which moves its ``updated_at``)."""
    stamp = _reviewed_plans(district_id).aggregate(
        plans=Count("pk"), last=Max("pk"), changed=Max("updated_at")
    )
    changed = stamp["changed"].timestamp() if stamp["changed"] else 0
    return f"{stamp['plans']}.{stamp['last'] or 0}.{changed:.6f}"


def cost_index(*, district_id: int) -> CostIndex:
    """The index of the reviewed lines of the district's municipality, from the cache while its
    stamp holds."""
    key = f"proposals.costs:{district_id}:{version_stamp(district_id=district_id)}"
    cached = cache.get(key)
    if cached is not None:
        return CostIndex(*cached)
    index = build_index(district_id=district_id)
    cache.set(key, (index.terms, index.plan_titles), CACHE_SECONDS)
    return index


def build_index(*, district_id: int) -> CostIndex:
    rows = CostLine.objects.filter(plan__in=_reviewed_plans(district_id)).values_list(
        "plan_id",
        "plan__edition_id",
        "plan__title",
        "plan__reviewed_cost_cents",
        "description",
        "amount_cents",
    )
    by_plan: dict[int, list[tuple[str, int]]] = defaultdict(list)
    plan_info: dict[int, tuple[int, str, int | None]] = {}
    for plan, edition, title, reviewed, description, amount in rows:
        by_plan[plan].append((description, amount))
        plan_info[plan] = (edition, title, reviewed)
    terms: dict[str, list[Entry]] = defaultdict(list)
    for plan, lines in by_plan.items():
        edition, _, reviewed = plan_info[plan]
        total = sum(amount for _, amount in lines)
        for description, amount in lines:
            scaled = amount if reviewed is None or not total else round(Fraction(amount * reviewed, total))
            for term in terms_of(description):
                terms[term.key].append((scaled, plan, edition))
    return CostIndex(
        terms={key: tuple(sorted(entries)) for key, entries in terms.items()},
        plan_titles={plan: info[1] for plan, info in plan_info.items()},
    )
