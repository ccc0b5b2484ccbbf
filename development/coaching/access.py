"""Who may coach in a district, who may read a coaching's log and who may write in it.

One place decides, like ``execution.access``: a coach is staff of the district (any role; the
administrator holds them all) or a coach of one of the district's active partners. The log is read
by the coach, the initiators (the idea's initiator and its accepted co-initiators, the plan's
initiator and its accepted co-initiators) and the staff of the edition's district; nobody else
learns it exists. Writing also needs the phase to open ``Action.COACH`` and the coaching to be active.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from accounts.models import Role, StaffRole, User
from accounts.roles import holds_role
from editions.models import Edition
from editions.permissions import can, may_in_district
from editions.phases import Action
from places.models import District
from proposals.models import CoInitiatorStatus

from ..models import Coaching, IdeaMemberRole, IdeaMemberStatus, Partner, PartnerCoach
from .errors import CoachingError

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

# Staff who coach and read logs: every role of the district (an administrator holds them all).
STAFF_ROLES = frozenset(Role) - {Role.ADMINISTRATOR}


def _person(user: User | AnonymousUser) -> User | None:
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user
    return None


def is_district_staff(user: User | AnonymousUser, district_id: int) -> bool:
    person = _person(user)
    return person is not None and holds_role(person, district_id, STAFF_ROLES)


def coach_partner(user: User, district: District) -> Partner | None:
    """The active partner of ``district`` for which ``user`` coaches (None: none)."""
    found = (
        PartnerCoach.objects.filter(partner__district=district, partner__ended_at__isnull=True, user=user)
        .select_related("partner")
        .order_by("partner__name")
        .first()
    )
    return found.partner if found else None


def may_coach(user: User | AnonymousUser, district: District) -> bool:
    """Whether ``user`` may coach initiators in ``district``: its staff or an active partner's coach."""
    person = _person(user)
    if person is None:
        return False
    return is_district_staff(person, district.pk) or coach_partner(person, district) is not None


def check_coach(user: User, district: District) -> Partner | None:
    """Refuse a coach who may not coach in ``district``; the partner they coach for (None: staff)."""
    if not user.is_active:
        raise CoachingError("not_a_coach")
    if is_district_staff(user, district.pk):
        return None
    partner = coach_partner(user, district)
    if partner is not None:
        return partner
    works_elsewhere = (
        StaffRole.objects.filter(user=user).exclude(district=district).exists()
        or PartnerCoach.objects.filter(user=user, partner__ended_at__isnull=True)
        .exclude(partner__district=district)
        .exists()
    )
    raise CoachingError("coach_other_district" if works_elsewhere else "not_a_coach")


def edition_of(coaching: Coaching) -> Edition:
    subject = coaching.idea if coaching.idea_id else coaching.plan
    assert subject is not None
    return subject.edition


def initiator_ids(coaching: Coaching) -> set[int]:
    """The accounts that carry the coached idea or plan: initiators and accepted co-initiators."""
    ids: set[int] = set()
    idea = coaching.idea
    plan = coaching.plan or (idea.plan if idea is not None else None)
    if idea is not None:
        ids.add(idea.initiator_id)
        ids.update(
            idea.members.filter(
                status=IdeaMemberStatus.ACCEPTED, role=IdeaMemberRole.CO_INITIATOR
            ).values_list("user_id", flat=True)
        )
    if plan is not None:
        ids.add(plan.initiator_id)
        ids.update(
            plan.co_initiators.filter(status=CoInitiatorStatus.ACCEPTED, user__isnull=False).values_list(
                "user_id", flat=True
            )
        )
    return ids


def initiators(coaching: Coaching) -> list[User]:
    return list(User.objects.filter(pk__in=initiator_ids(coaching), is_active=True).order_by("pk"))


def is_initiator(user: User | AnonymousUser, coaching: Coaching) -> bool:
    person = _person(user)
    return person is not None and person.pk in initiator_ids(coaching)


def may_read_log(user: User | AnonymousUser, coaching: Coaching) -> bool:
    """Whether ``user`` may read the coaching's log: its coach, the initiators, the district's staff."""
    person = _person(user)
    if person is None:
        return False
    if person.pk == coaching.coach_id:
        return True
    if is_district_staff(person, edition_of(coaching).district_id):
        return True
    return is_initiator(person, coaching)


def may_write_log(user: User | AnonymousUser, coaching: Coaching) -> bool:
    """Whether ``user`` may write in the log now (the coach or an initiator, the coaching active)."""
    person = _person(user)
    if person is None or coaching.ended_at is not None:
        return False
    if not can(person, Action.COACH, edition_of(coaching)):
        return False
    return person.pk == coaching.coach_id or is_initiator(person, coaching)


def may_mark_steps(user: User | AnonymousUser, coaching: Coaching) -> bool:
    person = _person(user)
    return (
        person is not None
        and person.pk == coaching.coach_id
        and coaching.ended_at is None
        and can(person, Action.COACH, edition_of(coaching))
    )


def check_writer(user: User, coaching: Coaching, *, at: datetime | None = None) -> bool:
    """Refuse anyone who may not write in the log ``at``; True when ``user`` writes as the coach."""
    as_coach = user.pk == coaching.coach_id
    if not as_coach and not is_initiator(user, coaching):
        raise CoachingError("not_in_log")
    if coaching.ended_at is not None:
        raise CoachingError("coaching_ended")
    edition = edition_of(coaching)
    if not can(user, Action.COACH, edition, at=at):
        raise CoachingError("not_allowed")
    if as_coach:
        check_coach(user, edition.district)
    return as_coach


def check_the_coach(user: User, coaching: Coaching, *, at: datetime | None = None) -> None:
    """Refuse anyone but the active coach (still allowed to coach in the district) ``at``."""
    if user.pk != coaching.coach_id:
        raise CoachingError("not_the_coach")
    check_writer(user, coaching, at=at)


def check_manager(user: User, district: District) -> None:
    """Refuse anyone who does not manage the development track in ``district``."""
    if not may_in_district(user, Action.MANAGE_DEVELOPMENT, district.pk):
        raise CoachingError("not_district")
