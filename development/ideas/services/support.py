"""Supporting an idea and taking the support back: once per person, never one's own idea."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from ...models import Idea, IdeaSupport
from ..errors import IdeaError
from .common import check_open

if TYPE_CHECKING:
    from accounts.models import User


def support_idea(*, idea: Idea, user: User, at: datetime | None = None) -> IdeaSupport:
    """Add ``user``'s support; a second one is refused by the database's unique constraint."""
    with transaction.atomic():
        check_open(idea=idea, user=user, at=at)
        if idea.initiator_id == user.pk:
            raise IdeaError("cannot_support_own_idea")
        try:
            # The savepoint keeps the outer transaction usable when the constraint refuses a
            # duplicate: of two simultaneous requests, one supports and the other is told.
            with transaction.atomic():
                return IdeaSupport.objects.create(idea=idea, user=user, created_at=at or timezone.now())
        except IntegrityError:
            raise IdeaError("already_supported") from None


def withdraw_support(*, idea: Idea, user: User, at: datetime | None = None) -> None:
    """Take ``user``'s support back, while ideas are open."""
    with transaction.atomic():
        check_open(idea=idea, user=user, at=at)
        deleted, _ = IdeaSupport.objects.filter(idea=idea, user=user).delete()
        if not deleted:
            raise IdeaError("not_supported")
