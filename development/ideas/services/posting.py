"""Posting an idea, editing it, ticking off the help found, and hiding it (moderators)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from places.models import Neighbourhood

from ...models import Idea, IdeaNeed, Workshop
from ..errors import IdeaError
from .common import check_open, clean_reason, locked

if TYPE_CHECKING:
    from accounts.models import User

_LIMITS = {"title": 120, "text": 1500, "needs_note": 300, "public_name": 80}


@dataclass(frozen=True)
class IdeaInput:
    """An idea as typed in the form; ``public_name`` empty: the initiator's display name."""

    title: str
    text: str
    neighbourhood: Neighbourhood | None
    needs: Iterable[str] = ()
    needs_note: str = ""
    public_name: str = ""
    workshop: Workshop | None = None


def _clean(*, edition: Edition, initiator: User, data: IdeaInput) -> dict[str, object]:
    """The idea's fields checked against the edition; IdeaError on the first bad one."""
    texts = {
        "title": data.title.strip(),
        "text": data.text.strip(),
        "needs_note": data.needs_note.strip(),
        "public_name": data.public_name.strip() or initiator.display_name,
    }
    if not texts["title"]:
        raise IdeaError("title_required")
    if not texts["text"]:
        raise IdeaError("text_required")
    for name, limit in _LIMITS.items():
        if len(texts[name]) > limit:
            raise IdeaError("text_too_long", limit=limit)
    neighbourhood = data.neighbourhood
    if neighbourhood is None:
        raise IdeaError("neighbourhood_required")
    if neighbourhood.district_id != edition.district_id:
        raise IdeaError(
            "neighbourhood_outside_area", neighbourhood=neighbourhood.name, district=edition.district.name
        )
    wanted = set(data.needs)
    if wanted - set(IdeaNeed.values):
        raise IdeaError("unknown_need")
    workshop = data.workshop
    if workshop is not None and workshop.edition_id != edition.pk:
        raise IdeaError("workshop_not_in_edition")
    # Kept in the order of the list, so two ideas asking the same help read the same.
    needs = [need for need in IdeaNeed.values if need in wanted]
    return {**texts, "neighbourhood": neighbourhood, "needs": needs, "workshop": workshop}


def post_idea(*, edition: Edition, initiator: User, data: IdeaInput, at: datetime | None = None) -> Idea:
    """Share a new idea in ``edition`` (``at``, default now), while the phase opens ideas."""
    with transaction.atomic():
        if not can(initiator, Action.POST_IDEA, edition, at=at):
            raise IdeaError("ideas_closed" if initiator.is_active else "not_allowed")
        fields = _clean(edition=edition, initiator=initiator, data=data)
        return Idea.objects.create(
            edition=edition, initiator=initiator, created_at=at or timezone.now(), **fields
        )


def edit_idea(*, idea: Idea, by: User, data: IdeaInput, at: datetime | None = None) -> Idea:
    """The initiator changes their idea, until it became a plan."""
    with transaction.atomic():
        current = locked(idea)
        if current.initiator_id != by.pk:
            raise IdeaError("not_yours")
        check_open(idea=current, user=by, at=at)
        fields = _clean(edition=current.edition, initiator=by, data=data)
        for name, value in fields.items():
            setattr(current, name, value)
        current.save(update_fields=[*fields, "updated_at"])
        return current


def tick_off_need(*, idea: Idea, by: User, need: str, at: datetime | None = None) -> Idea:
    """The initiator found the help ``need`` names: the idea no longer lists it as missing."""
    with transaction.atomic():
        current = locked(idea)
        if current.initiator_id != by.pk:
            raise IdeaError("not_yours")
        check_open(idea=current, user=by, at=at)
        if need not in current.needs:
            raise IdeaError("unknown_need")
        current.needs = [value for value in current.needs if value != need]
        current.save(update_fields=["needs", "updated_at"])
        return current


def hide_idea(*, idea: Idea, moderator: User, reason: str, at: datetime | None = None) -> Idea:
    """A moderator of the district hides an idea, with a public reason; audited."""
    with transaction.atomic():
        current = locked(idea)
        if not can(moderator, Action.MODERATE, current.edition, at=at):
            raise IdeaError("not_moderator")
        reason = clean_reason(reason)
        if current.hidden_at is not None:
            raise IdeaError("already_hidden")
        current.hidden_at, current.hidden_by, current.hidden_reason = at or timezone.now(), moderator, reason
        current.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
        record(
            actor=moderator,
            action="idea.hide",
            target=current,
            edition=current.edition,
            before={"hidden": False},
            after={"hidden": True, "reason": reason},
            at=at,
        )
        return current
