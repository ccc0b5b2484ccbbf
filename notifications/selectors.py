"""Reads of a person's notifications for the account pages, rendered in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.translation import get_language

from .models import Notification
from .texts import body_for, localised_url, subject_for

if TYPE_CHECKING:
    from accounts.models import User

LIST_LIMIT = 100


@dataclass(frozen=True)
class NotificationRow:
    pk: int
    subject: str
    body: str
    url: str
    created_at: datetime
    unread: bool


def notifications_for(*, user: User, limit: int = LIST_LIMIT) -> list[NotificationRow]:
    """The user's latest notifications, newest first, in the active language."""
    return [
        NotificationRow(
            pk=n.pk,
            subject=subject_for(n.kind, n.params),
            body=body_for(n.kind, n.params),
            url=localised_url(n.url, get_language()) if n.url else "",
            created_at=n.created_at,
            unread=n.read_at is None,
        )
        for n in Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit]
    ]


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
