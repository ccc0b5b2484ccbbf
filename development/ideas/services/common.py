"""What the idea services share: loading an idea locked, and the checks every write to it makes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from editions.permissions import can
from editions.phases import Action

from ...models import Idea
from ..errors import IdeaError

if TYPE_CHECKING:
    from accounts.models import User

MAX_REASON_LENGTH = 300
EXCERPT_LENGTH = 140


def locked(idea: Idea) -> Idea:
    """The idea as it is in the database now, locked for the rest of the transaction."""
    return (
        Idea.objects.select_for_update()
        .select_related("edition", "edition__district", "initiator")
        .get(pk=idea.pk)
    )


def check_open(*, idea: Idea, user: User, at: datetime | None = None) -> None:
    """Refuse a write to an idea that is hidden or became a plan, or while ideas are closed."""
    if idea.hidden_at is not None:
        raise IdeaError("hidden")
    if idea.plan_id is not None:
        raise IdeaError("already_a_plan")
    if not can(user, Action.POST_IDEA, idea.edition, at=at):
        raise IdeaError("ideas_closed" if user.is_authenticated and user.is_active else "not_allowed")


def clean_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise IdeaError("reason_required")
    if len(reason) > MAX_REASON_LENGTH:
        raise IdeaError("text_too_long", limit=MAX_REASON_LENGTH)
    return reason


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"
