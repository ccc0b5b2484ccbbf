"""Closing the vote early: the vote's phase is shortened to now, so every check reads one timeline."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition, Phase
from editions.phases import Action, step_key
from editions.timeline import build_timeline

from ..errors import VoteStateError
from ..models import VoteClosure


def close_vote_early(*, edition: Edition, reason: str, by: User) -> VoteClosure:
    """End the phase in which residents vote now, with a reason; the phase after it starts now if it
    started later. Two officials closing at once: the first closes, the second is told it is closed."""
    if not reason.strip():
        raise VoteStateError("reason_required")
    with transaction.atomic():
        # Lock the edition's phases, then read them afresh: whoever closes second waits here and
        # finds the vote closed (not a second closure, which the database would refuse).
        phases = list(Phase.objects.select_for_update().filter(edition=edition).order_by("pk"))
        now = timezone.now()
        timeline = build_timeline(phases, at=now, step=step_key(edition.decision_model, edition.hybrid_order))
        vote = timeline.current
        if vote is None or Action.VOTE not in vote.opens:
            raise VoteStateError("vote_already_closed")
        if VoteClosure.objects.filter(edition=edition).exists():  # closed, then reopened by hand
            raise VoteStateError("vote_already_closed")
        phase = vote.phase
        before = phase.ends_at
        phase.ends_at = now
        phase.save(update_fields=["ends_at"])
        following = timeline.entries[timeline.entries.index(vote) + 1 :]
        if following and following[0].phase.starts_at > now:
            Phase.objects.filter(pk=following[0].phase.pk).update(starts_at=now)
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
