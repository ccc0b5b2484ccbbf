"""Sending notifications: stored at once, their e-mails queued with them (common.mail), sent by a task."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone, translation

from common.mail import queue_mail

from .models import Notification, NotificationKind
from .texts import body_for, localised_url, subject_for

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)


def notify(
    *,
    recipients: Iterable[User],
    kind: NotificationKind,
    params: Mapping[str, Any],
    url: str = "",
    exclude: User | None = None,
    at: datetime | None = None,
) -> list[Notification]:
    """Store one notification per recipient (once each, never to ``exclude``) and queue the e-mails.

    ``params`` must be JSON-serialisable plain values (strings already in the recipient's terms:
    names, titles, dates); labels that need translating are passed as their codes and translated
    by ``texts`` at rendering time.

    With ``at`` the notification records news of that moment (a service replaying history, as the
    demo does): it is dated ``at`` and counts as mailed then to those who want mail, so nobody is
    mailed now about something long past.
    """
    seen: set[int] = set()
    unique: list[User] = []
    for user in recipients:
        if user.pk in seen or (exclude is not None and user.pk == exclude.pk) or not user.is_active:
            continue
        seen.add(user.pk)
        unique.append(user)
    if at is not None:
        return Notification.objects.bulk_create(
            Notification(
                recipient=user,
                kind=kind,
                params=dict(params),
                url=url,
                created_at=at,
                emailed_at=at if user.email_notifications else None,
            )
            for user in unique
        )
    created = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, params=dict(params), url=url) for user in unique
    )
    for notification, user in zip(created, unique, strict=True):
        if user.email_notifications:
            queue_notification_email(notification=notification, user=user)
    return created


def queue_notification_email(*, notification: Notification, user: User) -> None:
    """Queue the notification's e-mail in the recipient's language, with the notification (the task
    sends it; a mail server that is down delays it, the notification is in the account at once)."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = subject_for(notification.kind, notification.params)
        body = body_for(notification.kind, notification.params)
        if notification.url:
            url = localised_url(notification.url, translation.get_language())
            body += "\n\n" + settings.BUURTBUDGET_SITE_URL.rstrip("/") + url
    queue_mail(
        subject=subject,
        body=body,
        to=user.email,
        on_delivered=("notifications.services.mark_emailed", {"notification_id": notification.pk}),
    )


def mark_emailed(*, notification_id: int) -> None:
    """The mail server took the notification's e-mail (called by the mail task)."""
    Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(emailed_at=timezone.now())


def mark_read(
    *, user: User, notification_ids: Iterable[int] | None = None, at: datetime | None = None
) -> int:
    """Mark the user's notifications read at ``at`` (default now): all that were unread by then when
    no ids are given."""
    moment = at or timezone.now()
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True, created_at__lte=moment)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=moment)
