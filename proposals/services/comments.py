"""Discussion on a plan: posting comments and replies, reporting them, and moderating reports."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import record
from common.ratelimit import Limit, hit
from editions.permissions import can
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.errors import PlanError
from proposals.models import (
    PRIVATE_STATUSES,
    AuthorRole,
    CoInitiatorStatus,
    Comment,
    CommentReport,
    Plan,
)
from proposals.status import initiators_of

if TYPE_CHECKING:
    from accounts.models import User

MAX_COMMENT_LENGTH = 2000
MAX_REASON_LENGTH = 300
EXCERPT_LENGTH = 140


def author_role_for(*, plan: Plan, user: User, at: datetime | None = None) -> AuthorRole:
    """How ``user`` relates to ``plan``: initiator, co-initiator, district staff or resident."""
    if plan.initiator_id == user.pk:
        return AuthorRole.INITIATOR
    if plan.co_initiators.filter(user=user, status=CoInitiatorStatus.ACCEPTED).exists():
        return AuthorRole.CO_INITIATOR
    if can(user, Action.COMMENT_AS_STAFF, plan.edition, at=at):
        return AuthorRole.OFFICIAL
    return AuthorRole.RESIDENT


def _clean_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise PlanError("reason_required")
    if len(reason) > MAX_REASON_LENGTH:
        raise PlanError("reason_too_long", limit=MAX_REASON_LENGTH)
    return reason


# A resident may post this many comments per window; more looks like flooding.
COMMENTS_PER_WINDOW = 10
COMMENT_WINDOW_SECONDS = 10 * 60
COMMENTS_PER_AUTHOR = Limit("comments-author", COMMENTS_PER_WINDOW, COMMENT_WINDOW_SECONDS)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


def post_comment(
    *, plan: Plan, author: User, body: str, parent: Comment | None = None, at: datetime | None = None
) -> Comment:
    """Post a comment (or a reply to a top-level comment) ``at`` (default now) and tell the initiators.

    The flood limit counts comments posted now; one dated ``at`` (history replayed) is not counted.
    """
    body = body.strip()
    if plan.status in PRIVATE_STATUSES:
        raise PlanError("not_public")
    if not can(author, Action.COMMENT, plan.edition, at=at):
        raise PlanError("comments_closed" if author.email_verified else "email_not_confirmed")
    if not body:
        raise PlanError("empty_comment")
    if len(body) > MAX_COMMENT_LENGTH:
        raise PlanError("comment_too_long", limit=MAX_COMMENT_LENGTH)
    if parent is not None:
        if parent.plan_id != plan.pk:
            raise PlanError("reply_not_found")
        if parent.parent_id is not None:
            raise PlanError("reply_to_reply")
    # Counted last, so a refused comment (empty, too long) does not use up the allowance.
    if at is None and not hit(COMMENTS_PER_AUTHOR, str(author.pk)):
        raise PlanError("too_many_comments", minutes=COMMENT_WINDOW_SECONDS // 60)
    with transaction.atomic():
        comment = Comment.objects.create(
            plan=plan,
            author=author,
            author_role=author_role_for(plan=plan, user=author, at=at),
            parent=parent,
            body=body,
            created_at=at or timezone.now(),
        )
        notify(
            recipients=initiators_of(plan),
            kind=NotificationKind.COMMENT,
            params={"plan": plan.title, "author": author.display_name, "excerpt": _excerpt(body)},
            url=f"{plan.get_absolute_url()}#comment-{comment.pk}",
            exclude=author,
            at=at,
        )
    return comment


def report_comment(
    *, comment: Comment, reporter: User, reason: str, at: datetime | None = None
) -> CommentReport:
    """Report a comment to the moderators; once per person per comment (a database constraint)."""
    if not can(reporter, Action.REPORT_COMMENT, comment.plan.edition, at=at):
        raise PlanError("not_allowed")
    reason = _clean_reason(reason)
    if comment.hidden_at is not None:
        raise PlanError("already_hidden")
    with transaction.atomic():
        try:
            with transaction.atomic():
                return CommentReport.objects.create(
                    comment=comment, reporter=reporter, reason=reason, created_at=at or timezone.now()
                )
        except IntegrityError:
            raise PlanError("already_reported") from None


def hide_comment(*, comment: Comment, moderator: User, reason: str, at: datetime | None = None) -> Comment:
    """Hide a comment with a public reason (``at``, default now); its open reports are resolved, the
    author is told."""
    edition = comment.plan.edition
    if not can(moderator, Action.MODERATE, edition, at=at):
        raise PlanError("not_moderator")
    reason = _clean_reason(reason)
    now = at or timezone.now()
    with transaction.atomic():
        # Conditional update: of two moderators hiding at once, one wins and the other is told.
        hidden = Comment.objects.filter(pk=comment.pk, hidden_at__isnull=True).update(
            hidden_at=now, hidden_by=moderator, hidden_reason=reason
        )
        if hidden != 1:
            raise PlanError("already_hidden")
        comment.hidden_at, comment.hidden_by, comment.hidden_reason = now, moderator, reason
        resolved = CommentReport.objects.filter(comment=comment, resolved_at__isnull=True).update(
            resolved_at=now
        )
        record(
            actor=moderator,
            action="comment.hide",
            target=comment,
            edition=edition,
            before={"hidden": False, "open_reports": resolved},
            after={"hidden": True, "reason": reason, "open_reports": 0},
            at=at,
        )
        notify(
            recipients=[comment.author],
            kind=NotificationKind.COMMENT_HIDDEN,
            params={"plan": comment.plan.title, "reason": reason},
            url=f"{comment.plan.get_absolute_url()}#comment-{comment.pk}",
            exclude=moderator,
            at=at,
        )
    return comment


def dismiss_reports(*, comment: Comment, moderator: User) -> int:
    """A moderator finds a reported comment acceptable: its open reports are resolved, it stays."""
    edition = comment.plan.edition
    if not can(moderator, Action.MODERATE, edition):
        raise PlanError("not_moderator")
    with transaction.atomic():
        resolved = CommentReport.objects.filter(comment=comment, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
        if not resolved:
            raise PlanError("no_open_reports")
        record(
            actor=moderator,
            action="comment.dismiss_reports",
            target=comment,
            edition=edition,
            before={"open_reports": resolved},
            after={"open_reports": 0},
        )
    return resolved
