"""Reminders of plan workshops: the day before, once per workshop, to everyone signed up.

``send_workshop_reminders`` is run by cron (``manage.py remind_workshops``). A workshop is reminded
when it starts on the next day (or later today) and has not been reminded: the conditional update of
``reminders_sent_at`` lets exactly one run send them, however often (or however many at once) it runs.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import moment_param

from ..models import Workshop


def due_workshops(*, at: datetime) -> list[Workshop]:
    """Workshops not cancelled nor reminded that start after ``at`` and no later than the next day."""
    tomorrow = timezone.localdate(at) + timedelta(days=1)
    return [
        workshop
        for workshop in Workshop.objects.filter(
            cancelled_at__isnull=True, reminders_sent_at__isnull=True, starts_at__gt=at
        )
        .filter(starts_at__lt=at + timedelta(days=2))
        .select_related("edition")
        .order_by("starts_at", "pk")
        if timezone.localdate(workshop.starts_at) <= tomorrow
    ]


def send_workshop_reminders(*, at: datetime | None = None) -> list[Workshop]:
    """Remind the active sign-ups of each workshop due as of ``at`` (default now); the workshops reminded."""
    moment = at or timezone.now()
    sent: list[Workshop] = []
    for workshop in due_workshops(at=moment):
        with transaction.atomic():
            claimed = Workshop.objects.filter(pk=workshop.pk, reminders_sent_at__isnull=True).update(
                reminders_sent_at=moment
            )
            if claimed != 1:  # another run reminded it just now
                continue
            people = [
                s.user for s in workshop.sign_ups.filter(cancelled_at__isnull=True).select_related("user")
            ]
            notify(
                recipients=people,
                kind=NotificationKind.WORKSHOP_REMINDER,
                params={
                    "workshop": workshop.title,
                    "starts_at": moment_param(workshop.starts_at),
                    "place": workshop.place,
                },
                url=reverse("development:workshops", kwargs={"slug": workshop.edition.slug}),
                at=at,
            )
        sent.append(workshop)
    return sent
