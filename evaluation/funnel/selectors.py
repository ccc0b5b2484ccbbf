"""The funnel figures of an edition: plans per stage (overall, per neighbourhood and theme), why plans
dropped out, and the median days of each step (``funnel_figures``, a section of the evidence)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count as DbCount
from django.utils import timezone

from ballots.sections import CHOSEN_STATUSES
from editions.models import Edition
from editions.phases import PhaseKind
from execution.models import ProjectStatus
from outcomes.models import CountSection, CountStatus
from places.models import Neighbourhood
from proposals.models import Plan, PlanStatus
from proposals.selectors.listing import like_count
from proposals.services.submission import decision_has_started
from review.models import CheckOutcome, ReviewCheck, ShortlistEntry, ShortlistPublication, Verdict

from .durations import duration_figures
from .ideas import idea_figures
from .stages import REASONS, STAGES, PlanFacts, Settled, dropout_reason, stage_counts

FEASIBLE_VERDICTS = (Verdict.FEASIBLE, Verdict.FEASIBLE_AFTER_CHANGES)
# Statuses a plan only has after a feasible verdict (or once it was chosen).
FEASIBLE_STATUSES = frozenset({PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED, *CHOSEN_STATUSES})


@dataclass(frozen=True)
class Decision:
    """What went to the decision and what it chose: plan ids, and whether each step is over."""

    on_ballot: frozenset[int]
    chosen: frozenset[int]
    ballot_set: bool
    result_published: bool


def _decision(edition: Edition) -> Decision:
    """The plans on the ballot (the published shortlist, the counted sections) and the published choice."""
    on_ballot: set[int] = set()
    chosen: set[int] = set()
    published = False
    sections = CountSection.objects.filter(
        count__edition=edition, count__is_current=True, count__status=CountStatus.DONE
    ).values_list("plans", "selected", "count__published_at")
    for plans, selected, published_at in sections:
        on_ballot.update(int(row["id"]) for row in plans)
        if published_at is not None:
            published = True
            chosen.update(int(pk) for pk in selected)
    shortlisted = ShortlistPublication.objects.filter(edition=edition).exists()
    if shortlisted:
        on_ballot.update(ShortlistEntry.objects.filter(edition=edition).values_list("plan_id", flat=True))
    return Decision(
        on_ballot=frozenset(on_ballot),
        chosen=frozenset(chosen),
        ballot_set=bool(on_ballot) or shortlisted or decision_has_started(edition),
        result_published=published,
    )


def _plan_rows(edition: Edition) -> list[dict[str, Any]]:
    rows: Iterable[dict[str, Any]] = (
        Plan.objects.filter(edition=edition)
        .annotate(like_total=like_count())
        .values(
            "pk",
            "status",
            "neighbourhood_id",
            "theme_id",
            "created_at",
            "submitted_at",
            "like_total",
            "review__pk",
            "review__verdict",
            "review__recorded_at",
            "review__published_at",
            "project__pk",
            "project__status",
        )
        .order_by("pk")
    )
    return list(rows)


def _facts(row: Mapping[str, Any], edition: Edition, decision: Decision) -> PlanFacts:
    status = row["status"]
    has_project = row["project__pk"] is not None
    chosen = has_project or status in CHOSEN_STATUSES or row["pk"] in decision.chosen
    # A plan with a feasible status is only one the decision may still take while the ballot is open.
    on_ballot = chosen or row["pk"] in decision.on_ballot
    if not decision.on_ballot and decision.ballot_set and status in FEASIBLE_STATUSES:
        on_ballot = True
    feasible = (
        on_ballot
        or status in FEASIBLE_STATUSES
        or (row["review__published_at"] is not None and row["review__verdict"] in FEASIBLE_VERDICTS)
    )
    threshold = edition.support_threshold
    supported = row["submitted_at"] is not None and (
        threshold == 0 or row["review__pk"] is not None or row["like_total"] >= threshold
    )
    return PlanFacts(
        status=status,
        submitted=row["submitted_at"] is not None,
        supported=supported,
        feasible=feasible,
        on_ballot=on_ballot,
        chosen=chosen,
        completed=status == PlanStatus.COMPLETED or row["project__status"] == ProjectStatus.COMPLETED,
        stopped=row["project__status"] == ProjectStatus.STOPPED,
    )


def _settled(edition: Edition, decision: Decision) -> Settled:
    now = timezone.now()
    phases = {p.kind: p for p in edition.phases.all()}

    def ended(kind: str) -> bool:
        return kind in phases and phases[kind].ends_at <= now

    def started(kind: str) -> bool:
        return kind in phases and phases[kind].starts_at <= now

    return Settled(
        plans_over=ended(PhaseKind.PLANS) or "plans" not in phases,
        support_over=ended(PhaseKind.SUPPORT) or started(PhaseKind.REVIEW) or decision.ballot_set,
        ballot_set=decision.ballot_set,
        result_published=decision.result_published,
    )


def _groups(
    rows: list[dict[str, Any]], facts: list[PlanFacts], field: str, groups: Iterable[tuple[Any, str, str]]
) -> list[dict[str, Any]]:
    """Stage counts per group (``field`` of the plan row), for every group in ``groups`` (id, slug, name)."""
    out = []
    for group_id, slug, name in groups:
        members = [f for row, f in zip(rows, facts, strict=True) if row[field] == group_id]
        out.append({"slug": slug, "name": name, "stages": stage_counts(members)})
    return out


def _district_places(edition: Edition) -> list[tuple[Any, str, str]]:
    """The district's neighbourhoods by name (id, slug, name)."""
    return list(
        Neighbourhood.objects.filter(district_id=edition.district_id)
        .order_by("name")
        .values_list("pk", "slug", "name")
    )


def _neighbourhoods(
    places: list[tuple[Any, str, str]], rows: list[dict[str, Any]]
) -> list[tuple[Any, str, str]]:
    """The district's neighbourhoods; plans for the whole district last (slug and name empty)."""
    places = list(places)
    if any(row["neighbourhood_id"] is None for row in rows):
        places.append((None, "", ""))
    return places


def _dropouts(edition: Edition, facts: list[PlanFacts], settled: Settled) -> list[dict[str, Any]]:
    """Every reason with its count (zeros included), and after "not_feasible" each criterion judged
    not OK in the plans found not feasible (a plan may fail several), with the criterion's name."""
    counts = Counter(reason for f in facts if (reason := dropout_reason(f, settled)) is not None)
    failed = (
        ReviewCheck.objects.filter(
            review__plan__edition=edition,
            review__plan__status=PlanStatus.NOT_FEASIBLE,
            outcome=CheckOutcome.NOT_OK,
        )
        .values("criterion__key", "criterion__name", "criterion__position")
        .annotate(plans=DbCount("review", distinct=True))
        .order_by("criterion__position", "criterion__key")
    )
    out: list[dict[str, Any]] = []
    for reason in REASONS:
        out.append({"reason": reason, "count": counts[reason]})
        if reason == "not_feasible":
            out += [
                {
                    "reason": f"not_feasible:{c['criterion__key']}",
                    "count": c["plans"],
                    "criterion": c["criterion__name"],  # as stored: the report translates a default name
                }
                for c in failed
            ]
    return out


def funnel_figures(edition: Edition) -> dict[str, Any]:
    """The evidence's "funnel" section (see the brief): stages, per neighbourhood and theme, dropouts,
    durations, and where it starts (``ideas``: see ``ideas.py``). A bounded number of queries, however
    many plans and ideas."""
    rows = _plan_rows(edition)
    decision = _decision(edition)
    facts = [_facts(row, edition, decision) for row in rows]
    settled = _settled(edition, decision)
    totals = stage_counts(facts)
    themes = list(edition.themes.order_by("name").values_list("pk", "slug", "name"))
    places = _district_places(edition)
    return {
        "stages": [{"key": key, "count": totals[key]} for key in STAGES],
        "by_neighbourhood": _groups(rows, facts, "neighbourhood_id", _neighbourhoods(places, rows)),
        "by_theme": _groups(rows, facts, "theme_id", themes),
        "dropouts": _dropouts(edition, facts, settled),
        "durations": duration_figures(edition, rows),
        "ideas": idea_figures(edition, rows, places),
    }
