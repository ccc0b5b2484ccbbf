"""Sending notifications: stored at once, e-mailed after the surrounding transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

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
    to_mail = [n.pk for n, user in zip(created, unique, strict=True) if user.email_notifications]
    if to_mail:
        # Robust: the change is committed by then, so a failure while mailing (a mail server down, a
        # database busy with another writer) is logged and must not turn the request into an error.
        transaction.on_commit(lambda: send_notification_emails(notification_ids=to_mail), robust=True)
    return created


def send_notification_emails(*, notification_ids: list[int]) -> int:
    """Mail each notification in its recipient's language; a failing address never stops the others."""
    sent = 0
    notifications = Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
    for notification in notifications.select_related("recipient"):
        user = notification.recipient
        with translation.override(user.language or settings.LANGUAGE_CODE):
            subject = subject_for(notification.kind, notification.params)
            body = body_for(notification.kind, notification.params)
            if notification.url:
                url = localised_url(notification.url, translation.get_language())
                body += "\n\n" + settings.BUURTBUDGET_SITE_URL.rstrip("/") + url
        try:
            send_mail(subject, body, None, [user.email])
        except Exception:  # a broken mail server must not undo the committed change
            logger.exception("Could not e-mail notification %s", notification.pk)
            continue
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


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
