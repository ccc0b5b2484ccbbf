"""People on an idea: asking to join with an offer, the initiator's answer, and leaving."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.models import NotificationKind
from notifications.services import notify
from proposals.services.co_initiators import ANSWER_WORDS

from ...models import Idea, IdeaMember, IdeaMemberRole, IdeaMemberStatus
from ..errors import IdeaError
from .common import check_open, excerpt, locked

if TYPE_CHECKING:
    from accounts.models import User

MAX_OFFER_LENGTH = 300
MAX_NAME_LENGTH = 80


def ask_to_join(
    *,
    idea: Idea,
    user: User,
    role: str,
    offer: str,
    public_name: str = "",
    at: datetime | None = None,
) -> IdeaMember:
    """``user`` asks to join ``idea`` as co-initiator or volunteer; the initiator hears of it."""
    offer, public_name = offer.strip(), public_name.strip() or user.display_name
    with transaction.atomic():
        current = locked(idea)
        check_open(idea=current, user=user, at=at)
        if current.initiator_id == user.pk:
            raise IdeaError("cannot_join_own_idea")
        if role not in IdeaMemberRole.values:
            raise IdeaError("unknown_role")
        if not offer:
            raise IdeaError("offer_required")
        if len(offer) > MAX_OFFER_LENGTH:
            raise IdeaError("text_too_long", limit=MAX_OFFER_LENGTH)
        if len(public_name) > MAX_NAME_LENGTH:
            raise IdeaError("text_too_long", limit=MAX_NAME_LENGTH)
        try:
            with transaction.atomic():
                member = IdeaMember.objects.create(
                    idea=current,
                    user=user,
                    role=role,
                    offer=offer,
                    public_name=public_name,
                    asked_at=at or timezone.now(),
                )
        except IntegrityError:
            raise IdeaError("already_joined") from None
        notify(
            recipients=[current.initiator],
            kind=NotificationKind.IDEA_JOIN_ASKED,
            params={"person": public_name, "idea": current.title, "excerpt": excerpt(offer)},
            url=f"{current.get_absolute_url()}#mensen",
            exclude=user,
            at=at,
        )
        return member


def answer_join_request(
    *, member: IdeaMember, by: User, accept: bool, at: datetime | None = None
) -> IdeaMember:
    """The initiator accepts or declines a request to join; the person who asked hears the answer."""
    with transaction.atomic():
        idea = locked(member.idea)
        if idea.initiator_id != by.pk:
            raise IdeaError("not_yours")
        check_open(idea=idea, user=by, at=at)
        status = IdeaMemberStatus.ACCEPTED if accept else IdeaMemberStatus.DECLINED
        now = at or timezone.now()
        updated = IdeaMember.objects.filter(pk=member.pk, status=IdeaMemberStatus.ASKED).update(
            status=status, answered_at=now
        )
        if updated != 1:
            raise IdeaError("request_answered")
        member.status, member.answered_at = status, now
        notify(
            recipients=[member.user],
            kind=NotificationKind.IDEA_JOIN_ANSWERED,
            params={"idea": idea.title, "answer": ANSWER_WORDS[accept]},
            url=idea.get_absolute_url(),
            exclude=by,
            at=at,
        )
        return member


def leave_idea(*, idea: Idea, user: User, at: datetime | None = None) -> IdeaMember:
    """A person on board (or still asking) leaves the idea; their name no longer shows."""
    with transaction.atomic():
        current = locked(idea)
        check_open(idea=current, user=user, at=at)
        updated = IdeaMember.objects.filter(
            idea=current, user=user, status__in=[IdeaMemberStatus.ASKED, IdeaMemberStatus.ACCEPTED]
        ).update(status=IdeaMemberStatus.LEFT, answered_at=at or timezone.now())
        if updated != 1:
            raise IdeaError("not_a_member")
        return IdeaMember.objects.get(idea=current, user=user)
