"""Closing the vote early: the decision phase is shortened to now, so every check reads one timeline."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition, Phase
from editions.phases import PhaseKind

from ..errors import VoteStateError
from ..models import VoteClosure
from .casting import refuse_unless_open


def close_vote_early(*, edition: Edition, reason: str, by: User) -> VoteClosure:
    """End the decision phase now (and start the result phase now if it started later), with a reason."""
    if not reason.strip():
        raise VoteStateError("reason_required")
    try:
        refuse_unless_open(edition)
    except VoteStateError:
        raise VoteStateError("vote_already_closed") from None
    now = timezone.now()
    with transaction.atomic():
        decision = Phase.objects.select_for_update().get(edition=edition, kind=PhaseKind.DECISION)
        before = decision.ends_at
        decision.ends_at = now
        decision.save(update_fields=["ends_at"])
        Phase.objects.filter(edition=edition, kind=PhaseKind.RESULT, starts_at__gt=now).update(starts_at=now)
        closure = VoteClosure.objects.create(
            edition=edition, closed_at=now, closed_by=by, reason=reason.strip()
        )
        record(
            actor=by,
            action="voting.closed_early",
            target=closure,
            edition=edition,
            before={"ends_at": before.isoformat()},
            after={"ends_at": now.isoformat(), "reason": closure.reason},
        )
    return closure
