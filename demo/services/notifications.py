"""The demo's notifications: those the vote and panel loaders still leave out, and what was read.

The plan, discussion and review services notify the initiators themselves (dated at the event, and
counted as mailed then: nobody is mailed). The result of a vote and the invitations to present to
the panel are not loaded through services yet, so their notices are sent here, through ``notify``,
unless they were sent before. Notifications older than a week have been read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from ballots.sections import CHOSEN_STATUSES
from deliberation.models import Presentation
from deliberation.sessions.services import public_sessions_url
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from notifications.services import mark_read, notify
from notifications.texts import moment_param, source_text
from outcomes.models import Count
from outcomes.services import FUNDED, NOT_FUNDED
from proposals.models import Plan, PlanStatus
from proposals.status import initiators_of

# Notifications older than this were read, this long after they arrived; newer ones are unread.
READ_AFTER = timedelta(days=7)
READING_DELAY = timedelta(hours=5)
# Parameters that differ from one load to the next: a notice is recognised by the others.
VOLATILE_PARAMS = frozenset({"deadline"})
# The statuses of plans that were on a counted ballot.
ON_BALLOT = (PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED, *CHOSEN_STATUSES, PlanStatus.CANCELLED)

K = NotificationKind
_Notice = tuple[Plan, NotificationKind, dict[str, Any], str, datetime]


def load_notifications(*, editions: Sequence[Edition], now: datetime) -> None:
    """Send the result and presentation notices not sent yet, then mark what was read by now."""
    sent = {
        _identity(recipient, kind, params)
        for recipient, kind, params in Notification.objects.filter(
            kind__in=(K.RESULT, K.PANEL_PRESENTATION)
        ).values_list("recipient_id", "kind", "params")
    }
    for edition in editions:
        for plan, kind, params, url, at in _notices_of(edition):
            for user in initiators_of(plan):
                if _identity(user.pk, kind, params) in sent:
                    continue
                with translation.override(user.language or settings.LANGUAGE_CODE):
                    notify(recipients=[user], kind=kind, params=params, url=url or _url(plan, kind), at=at)
    _mark_read(now=now)


def _notices_of(edition: Edition) -> Iterator[_Notice]:
    published = Count.objects.filter(edition=edition, is_current=True, published_at__isnull=False).first()
    if published is not None and published.published_at is not None:
        winners = {int(pk) for section in published.sections.all() for pk in section.selected}
        for plan in edition.plans.filter(status__in=ON_BALLOT).select_related("edition", "initiator"):
            outcome = source_text(FUNDED if plan.pk in winners else NOT_FUNDED)
            params = {"plan": plan.title, "outcome": outcome}
            yield plan, K.RESULT, params, "", published.published_at
    presentations = Presentation.objects.filter(session__edition=edition).select_related(
        "session", "plan", "plan__initiator"
    )
    for presentation in presentations:
        session = presentation.session
        params = {
            "plan": presentation.plan.title,
            "session": session.title,
            "starts_at": moment_param(session.starts_at),
            "place": session.place,
        }
        yield presentation.plan, K.PANEL_PRESENTATION, params, "", presentation.invited_at


def _url(plan: Plan, kind: NotificationKind) -> str:
    """The link the services give: the result page, or the panel's public sessions."""
    if kind == K.RESULT:
        return reverse("outcomes:result", args=[plan.edition.slug])
    return public_sessions_url(plan.edition)


def _identity(recipient_id: int, kind: str, params: dict[str, Any]) -> tuple[Any, ...]:
    stable = tuple(sorted((key, str(value)) for key, value in params.items() if key not in VOLATILE_PARAMS))
    return recipient_id, kind, stable


def _mark_read(*, now: datetime) -> None:
    """Each recipient read each notification older than a week a few hours after it came."""
    moments: defaultdict[int, set[datetime]] = defaultdict(set)
    for recipient, created_at in Notification.objects.filter(
        read_at__isnull=True, created_at__lte=now - READ_AFTER
    ).values_list("recipient_id", "created_at"):
        moments[recipient].add(min(created_at + READING_DELAY, now))
    users = User.objects.in_bulk(list(moments))
    for recipient, reads in moments.items():
        for at in sorted(reads):
            mark_read(user=users[recipient], at=at)
