"""Reads of plan workshops: the public list with places left and the person's own sign-ups, and the
district's overview with attendance counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import timezone

from accounts.models import User
from common.languages import own_name
from editions.models import Edition

from ..models import Workshop, WorkshopSignUp


@dataclass(frozen=True)
class WorkshopRow:
    """A workshop as the public list shows it."""

    workshop: Workshop
    language_name: str
    places_left: int
    signed_up: bool
    cancelled: bool
    over: bool


@dataclass(frozen=True)
class WorkshopList:
    upcoming: list[WorkshopRow]
    past: list[WorkshopRow]


def workshop_list(
    *, edition: Edition, user: User | AnonymousUser, at: datetime | None = None
) -> WorkshopList:
    """The edition's workshops: upcoming ones (cancelled ones marked), then those that began, newest first."""
    moment = at or timezone.now()
    mine: set[int] = set()
    if user.is_authenticated:
        mine = set(
            WorkshopSignUp.objects.filter(
                workshop__edition=edition, user_id=user.pk, cancelled_at__isnull=True
            ).values_list("workshop_id", flat=True)
        )
    rows = [
        WorkshopRow(
            workshop=w,
            language_name=own_name(w.language),
            places_left=max(w.capacity - w.seats_taken, 0),
            signed_up=w.pk in mine,
            cancelled=w.cancelled_at is not None,
            over=w.starts_at <= moment,
        )
        for w in Workshop.objects.filter(edition=edition).order_by("starts_at", "pk")
    ]
    return WorkshopList(
        upcoming=[r for r in rows if not r.over],
        past=[r for r in reversed(rows) if r.over],
    )


@dataclass(frozen=True)
class ManagedWorkshop:
    """A workshop on the district's page: its active sign-ups and the attendance counts."""

    workshop: Workshop
    language_name: str
    sign_ups: list[WorkshopSignUp]
    attended: int
    absent: int
    unrecorded: int
    started: bool


def managed_workshops(*, edition: Edition, at: datetime | None = None) -> list[ManagedWorkshop]:
    """Every workshop of the edition with its active sign-ups (people by name) and attendance counts."""
    moment = at or timezone.now()
    active = WorkshopSignUp.objects.filter(cancelled_at__isnull=True).select_related("user")
    workshops = (
        Workshop.objects.filter(edition=edition)
        .prefetch_related(Prefetch("sign_ups", queryset=active, to_attr="active_sign_ups"))
        .order_by("starts_at", "pk")
    )
    out = []
    for w in workshops:
        sign_ups: list[WorkshopSignUp] = w.active_sign_ups
        out.append(
            ManagedWorkshop(
                workshop=w,
                language_name=own_name(w.language),
                sign_ups=sign_ups,
                attended=sum(s.attended is True for s in sign_ups),
                absent=sum(s.attended is False for s in sign_ups),
                unrecorded=sum(s.attended is None for s in sign_ups),
                started=w.starts_at <= moment,
            )
        )
    return out
