"""Following a project or an edition, telling the followers what happened, and reminding owners.

A follow belongs to an account and nothing else: a voter who follows an edition after casting does
so by a separate request of their account, which carries nothing of the ballot (``Follow`` has no
such field), and the follow is dated by the day only, so its time cannot be matched to a vote.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from notifications.models import Notification, NotificationKind
from notifications.services import notify

from ..models import Follow, Project
from .errors import FollowError


def notify_followers(
    *,
    project: Project,
    kind: NotificationKind,
    params: Mapping[str, Any],
    exclude: User | None = None,
    at: datetime | None = None,
) -> list[Notification]:
    """One notification to everyone who follows ``project`` or its edition (once each, never to
    ``exclude``, the person who caused it). Call inside the transaction of the change it reports."""
    followers = User.objects.filter(
        Q(follows__project=project) | Q(follows__edition_id=project.edition_id), is_active=True
    ).distinct()
    return notify(
        recipients=followers,
        kind=kind,
        params={"plan": project.plan.title, **params},
        url=project.get_absolute_url(),
        exclude=exclude,
        at=at,
    )


def _following_since(at: datetime | None) -> datetime:
    """The start of the day of ``at`` (default now) in the site's time zone: a follow keeps no time
    of day, so it cannot be matched to the moment of a vote cast just before it."""
    day = timezone.localdate(at or timezone.now())
    return timezone.make_aware(datetime.combine(day, time.min))


def _check_may_follow(*, user: User, edition: Edition, at: datetime | None) -> None:
    if not user.is_authenticated or not user.is_active:
        raise FollowError("follow_needs_account")
    if not edition.is_published or not can(user, Action.FOLLOW_EXECUTION, edition, at=at):
        raise FollowError("follow_not_open")


def follow_project(*, user: User, project: Project, at: datetime | None = None) -> Follow:
    """``user`` follows ``project`` from ``at`` (default now); following it again changes nothing.

    Two requests at once leave one row: the partial unique constraint refuses the second insert,
    and ``get_or_create`` then reads the first one's row.
    """
    with transaction.atomic():
        _check_may_follow(user=user, edition=project.edition, at=at)
        follow, _created = Follow.objects.get_or_create(
            user=user, project=project, defaults={"created_at": _following_since(at)}
        )
        return follow


def follow_edition(*, user: User, edition: Edition, at: datetime | None = None) -> Follow:
    """``user`` follows every project of ``edition``, now and to come; again changes nothing."""
    with transaction.atomic():
        _check_may_follow(user=user, edition=edition, at=at)
        follow, _created = Follow.objects.get_or_create(
            user=user, edition=edition, defaults={"created_at": _following_since(at)}
        )
        return follow


def unfollow_project(*, user: User, project: Project) -> bool:
    """``user`` stops following ``project`` (in any phase); whether they followed it."""
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(user_id=user.pk, project=project).delete()
        return deleted > 0


def unfollow_edition(*, user: User, edition: Edition) -> bool:
    """``user`` stops following ``edition`` (its single projects followed stay); whether they did."""
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(user_id=user.pk, edition=edition).delete()
        return deleted > 0
