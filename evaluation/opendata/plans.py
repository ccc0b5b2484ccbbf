"""The plans and their published reviews as tables: what the public pages show, and no person.

Left out on purpose: the initiators (their account and even the public name they chose), co-initiators,
the description, the address and point (a plan may be at someone's home), images, comments and who liked
a plan; of a review its internal remarks, the reviewers, who recorded it and the notes per criterion.
A draft is never public; a withdrawn plan is (as on the site), with its status.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from proposals.models import PRIVATE_STATUSES, PlanStatus
from proposals.selectors.listing import public_plans
from review.models import CheckOutcome, Review, ReviewCriterion, Verdict

from .schema import DATE, INTEGER, STRING, Column, ForeignKey, Table

PLAN_ID = Column("plan_id", INTEGER, _("The plan (id in plans)."), required=True)

PLAN_COLUMNS = (
    Column("id", INTEGER, _("The plan's number on the site (/plannen/<id>/)."), required=True),
    Column("title", STRING, _("Title."), required=True),
    Column("summary", STRING, _("Summary, as the initiators wrote it.")),
    Column("neighbourhood", STRING, _("Neighbourhood; empty: the whole district.")),
    Column("neighbourhood_slug", STRING, _("The neighbourhood's key, as in participation.")),
    Column("theme", STRING, _("Theme."), required=True),
    Column(
        "status",
        STRING,
        _("Where the plan is now (a withdrawn plan stays listed)."),
        required=True,
        enum=tuple(s for s in PlanStatus.values if s not in PRIVATE_STATUSES),
    ),
    Column("submitted_on", DATE, _("Day the plan was submitted (Europe/Amsterdam).")),
    Column(
        "requested_cost_cents",
        INTEGER,
        _("Cost asked for: the sum of its cost lines, in euro cents."),
        minimum=0,
    ),
    Column(
        "reviewed_cost_cents",
        INTEGER,
        _("Cost after the published review, in euro cents; empty: the requested cost stands."),
        minimum=0,
    ),
    Column("likes", INTEGER, _("Number of residents who liked (supported) the plan."), minimum=0),
)


def plans_table(edition: Edition) -> Table:
    """Every public plan of the edition (not the drafts), by id."""
    plans = public_plans().filter(edition=edition).order_by("pk")
    rows = [
        [
            p.pk,
            p.title,
            p.summary,
            p.neighbourhood.name if p.neighbourhood else "",
            p.neighbourhood.slug if p.neighbourhood else "",
            p.theme.name,
            p.status,
            timezone.localdate(p.submitted_at).isoformat() if p.submitted_at else "",
            p.lines_cost_cents,  # type: ignore[attr-defined]
            p.reviewed_cost_cents,
            p.like_count,  # type: ignore[attr-defined]
        ]
        for p in plans
    ]
    return Table(
        "plans",
        _("Plans"),
        _("Every submitted plan of the edition; drafts are never public. No initiator, not even by name."),
        PLAN_COLUMNS,
        rows,
        primary_key=("id",),
    )


def _review_columns(criteria: list[ReviewCriterion]) -> list[Column]:
    outcomes = tuple(CheckOutcome.values)
    return [
        PLAN_ID,
        Column("verdict", STRING, _("The published verdict."), required=True, enum=tuple(Verdict.values)),
        *(
            Column(
                f"check_{c.key}",
                STRING,
                _("Outcome of the check: %(name)s.") % {"name": c.label},
                enum=outcomes,
            )
            for c in criteria
        ),
        Column("public_explanation", STRING, _("The district's public explanation of the verdict.")),
        Column(
            "adjusted_cost_cents",
            INTEGER,
            _("Cost set by the review, in euro cents; empty: unchanged."),
            minimum=0,
        ),
        Column("cost_change_reason", STRING, _("Why the review changed the cost.")),
        Column("published_on", DATE, _("Day the verdict was published (Europe/Amsterdam)."), required=True),
    ]


def reviews_table(edition: Edition) -> Table:
    """The published reviews of the edition's public plans: verdict, checks, explanation, cost change."""
    criteria = list(ReviewCriterion.objects.filter(edition=edition))
    reviews = (
        Review.objects.filter(plan__edition=edition, published_at__isnull=False)
        .exclude(plan__status__in=PRIVATE_STATUSES)
        .prefetch_related("checks")
        .order_by("plan_id")
    )
    rows = [_review_row(r, criteria) for r in reviews]
    return Table(
        "reviews",
        _("Feasibility reviews"),
        _(
            "The published review of each plan. Left out: the reviewers' internal remarks and notes per "
            "check, and who reviewed."
        ),
        _review_columns(criteria),
        rows,
        primary_key=("plan_id",),
        foreign_keys=(ForeignKey(("plan_id",), "plans", ("id",)),),
    )


def _review_row(review: Review, criteria: list[ReviewCriterion]) -> list[Any]:
    outcomes = {check.criterion_id: check.outcome for check in review.checks.all()}
    published = review.published_at
    return [
        review.plan_id,
        review.verdict,
        *(outcomes.get(c.pk, "") for c in criteria),
        review.public_explanation,
        review.adjusted_cost_cents,
        review.cost_change_reason,
        timezone.localdate(published).isoformat() if published else "",
    ]
