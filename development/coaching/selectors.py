"""Reads of coaching: the coaching of an idea or plan, the district's desk, its partners, a coaching's
log page and a coach's own list. Pages ask ``access`` who may see what before they call these."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q, QuerySet

from accounts.models import StaffRole, User
from editions.models import Edition
from places.models import District
from proposals.models import Plan, PlanStatus

from ..models import Coaching, CoachingNote, CoachingStep, CoachStep, Idea, Partner, PartnerCoach

COACHING_RELATED = ("idea__edition__district", "plan__edition__district", "coach", "partner")


def coaching_for(*, idea: Idea | None = None, plan: Plan | None = None) -> Coaching | None:
    """The active coaching of ``idea`` or ``plan`` (an idea's coaching covers the plan it became)."""
    if idea is not None:
        found = Q(idea=idea) | (Q(plan_id=idea.plan_id) if idea.plan_id else Q(pk__in=[]))
    elif plan is not None:
        found = Q(plan=plan) | Q(idea__plan=plan)
    else:
        return None
    return Coaching.objects.filter(found, ended_at__isnull=True).select_related(*COACHING_RELATED).first()


@dataclass(frozen=True)
class DeskRow:
    """An idea or a draft plan on the desk, with its active coaching (None: no coach yet)."""

    idea: Idea | None
    plan: Plan | None
    coaching: Coaching | None

    @property
    def title(self) -> str:
        return self.plan.title if self.plan is not None else self.idea.title if self.idea else ""


@dataclass(frozen=True)
class Desk:
    edition: Edition
    ideas: list[DeskRow]
    plans: list[DeskRow]
    candidates: list[tuple[User, Partner | None]]


def coach_candidates(district: District) -> list[tuple[User, Partner | None]]:
    """Who may coach in ``district``: its staff (partner None) and its active partners' coaches."""
    staff_ids = set(StaffRole.objects.filter(district=district).values_list("user_id", flat=True))
    people: dict[int, tuple[User, Partner | None]] = {
        user.pk: (user, None) for user in User.objects.filter(pk__in=staff_ids, is_active=True)
    }
    coaches = PartnerCoach.objects.filter(
        partner__district=district, partner__ended_at__isnull=True, user__is_active=True
    ).select_related("user", "partner")
    for coach in coaches.order_by("partner__name"):
        people.setdefault(coach.user_id, (coach.user, coach.partner))
    return sorted(people.values(), key=lambda pair: (pair[0].display_name.casefold(), pair[0].pk))


def desk(edition: Edition) -> Desk:
    """The ideas (not yet drafted) and the draft plans of ``edition`` with their coaches, in two queries
    plus one for the coachings."""
    ideas = list(
        Idea.objects.filter(edition=edition, hidden_at__isnull=True, plan__isnull=True)
        .select_related("neighbourhood")
        .order_by("-created_at", "-pk")
    )
    plans = list(
        Plan.objects.filter(edition=edition, status=PlanStatus.DRAFT)
        .select_related("neighbourhood")
        .order_by("-created_at", "-pk")
    )
    active = Coaching.objects.filter(
        Q(idea__edition=edition) | Q(plan__edition=edition), ended_at__isnull=True
    ).select_related("coach", "partner", "idea")
    by_idea: dict[int, Coaching] = {}
    by_plan: dict[int, Coaching] = {}
    for coaching in active:
        if coaching.idea_id:
            by_idea[coaching.idea_id] = coaching
            if coaching.idea is not None and coaching.idea.plan_id:
                by_plan.setdefault(coaching.idea.plan_id, coaching)
        if coaching.plan_id:
            by_plan[coaching.plan_id] = coaching
    return Desk(
        edition=edition,
        ideas=[DeskRow(idea=idea, plan=None, coaching=by_idea.get(idea.pk)) for idea in ideas],
        plans=[DeskRow(idea=None, plan=plan, coaching=by_plan.get(plan.pk)) for plan in plans],
        candidates=coach_candidates(edition.district),
    )


def partners_of(district: District) -> QuerySet[Partner]:
    """The district's partners, active first, each with its coaches."""
    return (
        Partner.objects.filter(district=district)
        .prefetch_related(
            Prefetch("coaches", queryset=PartnerCoach.objects.select_related("user").order_by("added_at"))
        )
        .order_by(F("ended_at").asc(nulls_first=True), "name")
    )


@dataclass(frozen=True)
class StepState:
    step: CoachStep
    done: CoachingStep | None


@dataclass(frozen=True)
class CoachingPage:
    coaching: Coaching
    notes: list[CoachingNote] = field(default_factory=list)
    steps: list[StepState] = field(default_factory=list)


def coaching_page(coaching: Coaching) -> CoachingPage:
    """A coaching's log, oldest first, and each step with whether (and how) it was done."""
    notes = list(coaching.notes.select_related("author").order_by("created_at", "pk"))
    done = {step.step: step for step in coaching.steps.select_related("done_by")}
    return CoachingPage(
        coaching=coaching,
        notes=notes,
        steps=[StepState(step=CoachStep(step), done=done.get(step)) for step in CoachStep.values],
    )


def load_coaching(pk: int) -> Coaching | None:
    return Coaching.objects.select_related(*COACHING_RELATED, "idea__plan").filter(pk=pk).first()


def coached_by(user: User) -> list[Coaching]:
    """The coachings ``user`` holds, active first, newest first."""
    return list(
        Coaching.objects.filter(coach=user)
        .select_related(*COACHING_RELATED)
        .order_by(F("ended_at").asc(nulls_first=True), "-assigned_at", "-pk")
    )


def coaching_of_initiator(user: User) -> list[Coaching]:
    """The active coachings of the ideas and plans ``user`` started."""
    return list(
        Coaching.objects.filter(
            Q(idea__initiator=user) | Q(plan__initiator=user) | Q(idea__plan__initiator=user),
            ended_at__isnull=True,
        )
        .select_related(*COACHING_RELATED)
        .distinct()
        .order_by("-assigned_at", "-pk")
    )
