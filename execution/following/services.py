"""Following a project or an edition, and telling the followers what happened."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db.models import Q

from accounts.models import User
from notifications.models import Notification, NotificationKind
from notifications.services import notify

from ..models import Project


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
