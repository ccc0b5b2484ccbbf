"""Assigning a coach to an idea or a draft plan, replacing and ending one (officials; audited).

One coaching is active per idea and per plan (partial unique constraints): assigning another coach
ends the active one in the same transaction. An idea's coaching follows it into the plan it became,
so a coaching of a drafted idea names both, and assigning to either ends the other's.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.models import Plan, PlanStatus

from ...models import Coaching, Idea
from ..access import check_coach, check_manager, edition_of, initiator_ids, initiators
from ..errors import CoachingError


def _subject(idea: Idea | None, plan: Plan | None) -> tuple[Idea | None, Plan | None]:
    """The idea and plan a coaching of ``idea`` or ``plan`` covers, each locked for the change."""
    if (idea is None) == (plan is None):
        raise CoachingError("choose_idea_or_plan")
    if idea is not None:
        idea = Idea.objects.select_for_update().select_related("edition__district").get(pk=idea.pk)
        if idea.hidden_at is not None:
            raise CoachingError("idea_hidden")
        plan = Plan.objects.select_for_update().get(pk=idea.plan_id) if idea.plan_id else None
        return idea, plan
    assert plan is not None
    plan = Plan.objects.select_for_update().select_related("edition__district").get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise CoachingError("plan_not_draft")
    idea = Idea.objects.select_for_update().filter(plan=plan).first()
    return idea, plan


def _active(idea: Idea | None, plan: Plan | None) -> Q:
    found = Q(pk__in=[])
    if idea is not None:
        found |= Q(idea=idea)
    if plan is not None:
        found |= Q(plan=plan)
    return found & Q(ended_at__isnull=True)


def title_of(coaching: Coaching) -> str:
    if coaching.plan_id:
        assert coaching.plan is not None
        return coaching.plan.title
    assert coaching.idea is not None
    return coaching.idea.title


def assign_coach(
    *,
    coach: User,
    by: User,
    idea: Idea | None = None,
    plan: Plan | None = None,
    edition: Edition | None = None,
    at: datetime | None = None,
) -> Coaching:
    """An official of the district assigns ``coach`` to ``idea`` or the draft ``plan`` (of ``edition``,
    when given), ending the coaching it had; the initiators are told."""
    moment = at or timezone.now()
    with transaction.atomic():
        idea, plan = _subject(idea, plan)
        subject_edition = (idea or plan).edition  # type: ignore[union-attr]
        if edition is not None and subject_edition.pk != edition.pk:
            raise CoachingError("other_edition")
        district = subject_edition.district
        check_manager(by, district)
        partner = check_coach(coach, district)
        coaching = Coaching(idea=idea, plan=plan, coach=coach, partner=partner, assigned_by=by)
        if coach.pk in initiator_ids(coaching):
            raise CoachingError("coach_is_initiator")
        previous = list(Coaching.objects.filter(_active(idea, plan)).values_list("pk", "coach_id"))
        Coaching.objects.filter(pk__in=[pk for pk, _ in previous]).update(ended_at=moment)
        coaching.assigned_at = moment
        coaching.save()
        record(
            actor=by,
            action="development.coach_assigned",
            target=coaching,
            edition=subject_edition,
            after={
                "idea": idea.pk if idea else None,
                "plan": plan.pk if plan else None,
                "coach": coach.audit_label,
                "partner": partner.pk if partner else None,
                "replaces": [pk for pk, _ in previous],
            },
            at=at,
        )
        notify(
            recipients=initiators(coaching),
            kind=NotificationKind.COACH_ASSIGNED,
            params={"title": title_of(coaching), "coach": coach.display_name},
            url=reverse("development:coaching", args=[coaching.pk]),
            exclude=by,
            at=at,
        )
    return coaching


def end_coaching(*, coaching: Coaching, by: User, at: datetime | None = None) -> Coaching:
    """An official of the district ends a coaching; its log stays readable."""
    edition = edition_of(coaching)
    check_manager(by, edition.district)
    with transaction.atomic():
        ended = Coaching.objects.filter(pk=coaching.pk, ended_at__isnull=True).update(
            ended_at=at or timezone.now()
        )
        if ended != 1:
            raise CoachingError("already_ended")
        record(
            actor=by,
            action="development.coaching_ended",
            target=coaching,
            edition=edition,
            after={"coach": coaching.coach.audit_label},
            at=at,
        )
    coaching.refresh_from_db()
    return coaching
