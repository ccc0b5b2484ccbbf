"""Comments on an idea: posting one (the initiator hears of it) and hiding one (moderators)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from audit.services import record
from common.ratelimit import hit
from editions.permissions import can
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.models import AuthorRole
from proposals.services.comments import COMMENT_WINDOW_SECONDS, COMMENTS_PER_AUTHOR, MAX_COMMENT_LENGTH

from ...models import Idea, IdeaComment, IdeaMember, IdeaMemberRole, IdeaMemberStatus
from ..errors import IdeaError
from .common import clean_reason, excerpt

if TYPE_CHECKING:
    from accounts.models import User


def author_role_for(*, idea: Idea, user: User, at: datetime | None = None) -> AuthorRole:
    """How ``user`` relates to ``idea``: initiator, co-initiator on board, district staff or resident."""
    if idea.initiator_id == user.pk:
        return AuthorRole.INITIATOR
    on_board = IdeaMember.objects.filter(
        idea=idea, user=user, role=IdeaMemberRole.CO_INITIATOR, status=IdeaMemberStatus.ACCEPTED
    )
    if on_board.exists():
        return AuthorRole.CO_INITIATOR
    if can(user, Action.COMMENT_AS_STAFF, idea.edition, at=at):
        return AuthorRole.OFFICIAL
    return AuthorRole.RESIDENT


def post_idea_comment(*, idea: Idea, author: User, body: str, at: datetime | None = None) -> IdeaComment:
    """Post a comment on ``idea`` (``at``, default now) and tell its initiator.

    The flood limit is the one plan comments count against; a comment dated ``at`` is not counted.
    """
    body = body.strip()
    if idea.hidden_at is not None:
        raise IdeaError("hidden")
    if not can(author, Action.COMMENT, idea.edition, at=at):
        raise IdeaError("comments_closed" if author.email_verified else "email_not_confirmed")
    if not body:
        raise IdeaError("empty_comment")
    if len(body) > MAX_COMMENT_LENGTH:
        raise IdeaError("text_too_long", limit=MAX_COMMENT_LENGTH)
    if at is None and not hit(COMMENTS_PER_AUTHOR, str(author.pk)):
        raise IdeaError("too_many_comments", minutes=COMMENT_WINDOW_SECONDS // 60)
    with transaction.atomic():
        comment = IdeaComment.objects.create(
            idea=idea,
            author=author,
            author_role=author_role_for(idea=idea, user=author, at=at),
            body=body,
            created_at=at or timezone.now(),
        )
        notify(
            recipients=[idea.initiator],
            kind=NotificationKind.IDEA_COMMENT,
            params={"idea": idea.title, "author": author.display_name, "excerpt": excerpt(body)},
            url=f"{idea.get_absolute_url()}#comment-{comment.pk}",
            exclude=author,
            at=at,
        )
    return comment


def hide_idea_comment(
    *, comment: IdeaComment, moderator: User, reason: str, at: datetime | None = None
) -> IdeaComment:
    """A moderator of the district hides a comment with a public reason; audited."""
    edition = comment.idea.edition
    if not can(moderator, Action.MODERATE, edition, at=at):
        raise IdeaError("not_moderator")
    reason = clean_reason(reason)
    now = at or timezone.now()
    with transaction.atomic():
        # Conditional update: of two moderators hiding at once, one wins and the other is told.
        hidden = IdeaComment.objects.filter(pk=comment.pk, hidden_at__isnull=True).update(
            hidden_at=now, hidden_by=moderator, hidden_reason=reason
        )
        if hidden != 1:
            raise IdeaError("already_hidden")
        comment.hidden_at, comment.hidden_by, comment.hidden_reason = now, moderator, reason
        record(
            actor=moderator,
            action="idea_comment.hide",
            target=comment,
            edition=edition,
            before={"hidden": False},
            after={"hidden": True, "reason": reason},
            at=at,
        )
    return comment
