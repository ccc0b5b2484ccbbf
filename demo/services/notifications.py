"""The notifications the demo accounts received for what happened to their plans, dated at each event.

Rows are written directly: ``notifications.services.notify`` would mail every one of them. The kinds
and parameters are those the services send (``proposals.status``, ``proposals.services``,
``review.services``), so the texts read right in every language. Older notifications have been read
and all were mailed to those who want mail; the last few days' are still new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from deliberation.models import Presentation
from deliberation.sessions.services import public_sessions_url
from editions.models import Edition
from editions.phases import PhaseKind
from notifications.models import Notification, NotificationKind
from notifications.texts import moment_param, source_text
from outcomes.models import Count
from outcomes.services import FUNDED, NOT_FUNDED
from proposals.models import CoInitiator, CoInitiatorStatus, Comment, Plan, PlanStatus
from proposals.services.co_initiators import ANSWER_WORDS, invitation_path
from proposals.services.comments import _excerpt as excerpt
from review.models import ChangeRequest, Review, ShortlistEntry, ShortlistPublication, Verdict

from ._common import between, phase_of, waking

# Notifications older than this were read, this long after they arrived; newer ones are unread.
READ_AFTER = timedelta(days=7)
READING_DELAY = timedelta(hours=5)
# The e-mail leaves when the transaction commits, a moment after the event.
MAIL_DELAY = timedelta(minutes=1)
# Parameters that differ from one load to the next (a deadline counted from now): a notification is
# recognised on a second load by its recipient, kind and other parameters.
VOLATILE_PARAMS = frozenset({"deadline"})
# What the selected plans of an edition went through after the result, in order.
AFTER_RESULT = (PlanStatus.SELECTED, PlanStatus.IN_EXECUTION, PlanStatus.COMPLETED)
# The statuses of plans that were on a counted ballot.
ON_BALLOT = (PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED, *AFTER_RESULT)

S = PlanStatus
K = NotificationKind


@dataclass(frozen=True)
class _Notice:
    recipient: User
    kind: NotificationKind
    params: dict[str, Any]
    url: str
    at: datetime


def load_notifications(*, editions: Sequence[Edition], now: datetime) -> int:
    """Store each demo notification once (a second load refreshes it); returns how many there are."""
    notices = [notice for edition in editions for notice in _notices_of(edition, now=now)]
    _save(notices, now=now)
    return len(notices)


def _notices_of(edition: Edition, *, now: datetime) -> Iterator[_Notice]:
    plans = (
        edition.plans.exclude(status=S.DRAFT)
        .select_related("initiator")
        .prefetch_related(
            Prefetch("co_initiators", queryset=CoInitiator.objects.select_related("user", "invited_by"))
        )
        .order_by("submitted_at", "pk")
    )
    reviews = {r.plan_id: r for r in Review.objects.filter(plan__edition=edition)}
    requests: defaultdict[int, list[ChangeRequest]] = defaultdict(list)
    for request in ChangeRequest.objects.filter(plan__edition=edition).select_related("requested_by"):
        requests[request.plan_id].append(request)
    comments: defaultdict[int, list[Comment]] = defaultdict(list)
    for comment in Comment.objects.filter(plan__edition=edition).select_related("author", "hidden_by"):
        comments[comment.plan_id].append(comment)
    shortlist = ShortlistPublication.objects.filter(edition=edition).first()
    published = Count.objects.filter(edition=edition, is_current=True, published_at__isnull=False).first()
    winners = (
        {int(pk) for section in published.sections.all() for pk in section.selected} if published else set()
    )
    reasons = dict(ShortlistEntry.objects.filter(edition=edition).values_list("plan_id", "reason"))
    presentations: defaultdict[int, list[Presentation]] = defaultdict(list)
    for presentation in Presentation.objects.filter(session__edition=edition).select_related("session"):
        presentations[presentation.plan_id].append(presentation)
    for index, plan in enumerate(plans):
        invitations = list(plan.co_initiators.all())
        initiators = [plan.initiator] + [
            c.user for c in invitations if c.status == CoInitiatorStatus.ACCEPTED and c.user is not None
        ]
        yield from _invitations(plan, invitations)
        assert plan.submitted_at is not None, plan.title
        yield from _status(plan, initiators, S.DRAFT, S.SUBMITTED, at=plan.submitted_at, by=plan.initiator)
        review = reviews.get(plan.pk)
        if review is not None:
            yield from _review(plan, initiators, review, requests[plan.pk])
        if shortlist is not None and plan.pk in reasons:
            yield from _to(
                initiators,
                K.SHORTLISTED,
                {"plan": plan.title, "reason": reasons[plan.pk]},
                url=plan.get_absolute_url,
                at=shortlist.published_at,
            )
        for presentation in presentations[plan.pk]:
            yield from _presentation(edition, initiators, presentation)
        if published is not None and published.published_at is not None and plan.status in ON_BALLOT:
            yield from _result(plan, initiators, funded=plan.pk in winners, at=published.published_at)
        if plan.status in AFTER_RESULT:
            yield from _after_result(plan, initiators, index=index, now=now)
        for comment in comments[plan.pk]:
            yield from _comment(plan, initiators, comment)


def _to(
    recipients: Iterable[User],
    kind: NotificationKind,
    params: dict[str, Any] | Callable[[], dict[str, Any]],
    *,
    url: Callable[[], str],
    at: datetime,
    exclude: User | None = None,
) -> Iterator[_Notice]:
    """One notice per recipient, as ``notify`` sends them: once each, never to ``exclude``.

    ``url`` (and ``params``, when it is a function) are made in the recipient's language, as the
    service would have in the language they browse in.
    """
    seen: set[int] = set()
    for user in recipients:
        if user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        with translation.override(user.language or settings.LANGUAGE_CODE):
            yield _Notice(user, kind, params() if callable(params) else params, url(), at)


def _presentation(edition: Edition, initiators: list[User], presentation: Presentation) -> Iterator[_Notice]:
    """What ``deliberation.services.sessions.invite_presenter`` tells the plan's initiators."""
    session = presentation.session
    params = {
        "plan": presentation.plan.title,
        "session": session.title,
        "starts_at": moment_param(session.starts_at),
        "place": session.place,
    }
    return _to(
        initiators,
        K.PANEL_PRESENTATION,
        params,
        url=lambda: public_sessions_url(edition),
        at=presentation.invited_at,
    )


def _status(
    plan: Plan, initiators: list[User], old: PlanStatus, new: PlanStatus, *, at: datetime, by: User | None
) -> Iterator[_Notice]:
    """What ``proposals.status.change_status`` tells the initiators (all but the one who changed it)."""
    params = {"plan": plan.title, "old": source_text(old.label), "status": source_text(new.label)}
    return _to(initiators, K.STATUS_CHANGED, params, url=plan.get_absolute_url, at=at, exclude=by)


def _invitations(plan: Plan, invitations: list[CoInitiator]) -> Iterator[_Notice]:
    """The invitee with an account is invited; the initiator hears their answer."""
    for invitation in invitations:
        if invitation.user is None:
            continue
        yield from _to(
            [invitation.user],
            K.CO_INITIATOR_INVITED,
            {"inviter": invitation.invited_by.display_name, "plan": plan.title},
            url=_invitation_url(invitation),
            at=invitation.invited_at,
        )
        if invitation.answered_at is None or invitation.status == CoInitiatorStatus.INVITED:
            continue
        answer = ANSWER_WORDS[invitation.status == CoInitiatorStatus.ACCEPTED]
        yield from _to(
            [plan.initiator],
            K.CO_INITIATOR_ANSWERED,
            {"person": invitation.user.display_name, "plan": plan.title, "answer": answer},
            url=lambda: reverse("proposals:my_plans"),
            at=invitation.answered_at,
            exclude=invitation.user,
        )


def _invitation_url(invitation: CoInitiator) -> Callable[[], str]:
    return lambda: invitation_path(invitation, language=translation.get_language())


def _review(
    plan: Plan, initiators: list[User], review: Review, requests: list[ChangeRequest]
) -> Iterator[_Notice]:
    """Review started, changes requested (and the plan sent back), the verdict published."""
    yield from _status(plan, initiators, S.SUBMITTED, S.IN_REVIEW, at=review.started_at, by=None)
    for request in requests:
        yield from _to(
            initiators,
            K.CHANGES_REQUESTED,
            _change_request_params(plan, request),
            url=plan.get_absolute_url,
            at=request.created_at,
            exclude=request.requested_by,
        )
        if request.resolved_at is not None:
            yield from _status(
                plan, initiators, S.CHANGES_REQUESTED, S.IN_REVIEW, at=request.resolved_at, by=plan.initiator
            )
    if review.published_at is not None:
        explanation = " ".join(
            part for part in (review.public_explanation, review.cost_change_reason) if part
        )
        yield from _to(
            initiators,
            K.VERDICT,
            {
                "plan": plan.title,
                "verdict": source_text(Verdict(review.verdict).label),
                "explanation": explanation,
            },
            url=plan.get_absolute_url,
            at=review.published_at,
        )


def _change_request_params(plan: Plan, request: ChangeRequest) -> Callable[[], dict[str, Any]]:
    """The deadline is stored as a moment, shown in the reader's language (as ``request_changes``)."""
    return lambda: {
        "plan": plan.title,
        "deadline": moment_param(request.deadline),
        "message": request.message,
    }


def _result(plan: Plan, initiators: list[User], *, funded: bool, at: datetime) -> Iterator[_Notice]:
    """What ``outcomes.services.publish_result`` tells every initiator on the ballot."""
    outcome = source_text(FUNDED if funded else NOT_FUNDED)
    return _to(
        initiators,
        K.RESULT,
        {"plan": plan.title, "outcome": outcome},
        url=lambda: reverse("outcomes:result", args=[plan.edition.slug]),
        at=at,
    )


def _after_result(plan: Plan, initiators: list[User], *, index: int, now: datetime) -> Iterator[_Notice]:
    """Selected when the result was published; later carried out and, for some, completed."""
    result = phase_of(plan.edition, PhaseKind.RESULT)
    execution = phase_of(plan.edition, PhaseKind.EXECUTION)
    moments = [waking(between(result.starts_at, result.ends_at, 0.1), latest=now)]
    started = waking(between(execution.starts_at, now, 0.1 + 0.05 * (index % 5)), latest=now)
    moments += [started, waking(between(started, now, 0.6), latest=now)]
    steps = AFTER_RESULT[: AFTER_RESULT.index(PlanStatus(plan.status)) + 1]
    for old, new, at in zip((S.FEASIBLE, *steps), steps, moments, strict=False):
        yield from _status(plan, initiators, old, new, at=at, by=None)


def _comment(plan: Plan, initiators: list[User], comment: Comment) -> Iterator[_Notice]:
    """The initiators hear of each comment but their own; an author hears their comment was hidden."""

    def url() -> str:
        return f"{plan.get_absolute_url()}#comment-{comment.pk}"

    yield from _to(
        initiators,
        K.COMMENT,
        {"plan": plan.title, "author": comment.author.display_name, "excerpt": excerpt(comment.body)},
        url=url,
        at=comment.created_at,
        exclude=comment.author,
    )
    if comment.hidden_at is not None:
        yield from _to(
            [comment.author],
            K.COMMENT_HIDDEN,
            {"plan": plan.title, "reason": comment.hidden_reason},
            url=url,
            at=comment.hidden_at,
            exclude=comment.hidden_by,
        )


def _identity(recipient_id: int, kind: str, params: dict[str, Any]) -> tuple[Any, ...]:
    stable = tuple(sorted((key, str(value)) for key, value in params.items() if key not in VOLATILE_PARAMS))
    return recipient_id, kind, stable


def _save(notices: list[_Notice], *, now: datetime) -> None:
    """Create the notifications not stored yet; refresh the dates and links of those that are."""
    existing: dict[tuple[Any, ...], Notification] = {}
    for stored in Notification.objects.filter(
        recipient__in={n.recipient.pk for n in notices}, kind__in={n.kind for n in notices}
    ).order_by("pk"):
        existing.setdefault(_identity(stored.recipient_id, stored.kind, stored.params), stored)
    new: list[Notification] = []
    changed: list[Notification] = []
    for notice in notices:
        values = {
            "params": notice.params,
            "url": notice.url,
            "created_at": notice.at,
            "read_at": min(notice.at + READING_DELAY, now) if notice.at <= now - READ_AFTER else None,
            "emailed_at": min(notice.at + MAIL_DELAY, now) if notice.recipient.email_notifications else None,
        }
        key = _identity(notice.recipient.pk, notice.kind, notice.params)
        row = existing.pop(key) if key in existing else None
        if row is None:
            new.append(Notification(recipient=notice.recipient, kind=notice.kind, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    Notification.objects.bulk_create(new)
    Notification.objects.bulk_update(changed, ["params", "url", "created_at", "read_at", "emailed_at"])
