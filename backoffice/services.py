"""Moving a phase's end with a reason: extend a running phase, or close it early; both audited.

This is the only way the dates of a phase with entries change (the admin's forms freeze them, see
``backoffice.entries``). Closing an open vote early is the vote's own service
(``voting.services.closing.close_vote_early``, which also records the closure the vote pages show);
every other phase is closed here the same way: its end becomes now.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition, Phase
from editions.permissions import can, is_open, phases_opening
from editions.phases import Action
from editions.services import PhaseDates, phase_chain_errors
from voting.services.closing import close_vote_early

from .errors import PhaseDateError


def _authorised_reason(*, edition: Edition, reason: str, by: User) -> str:
    if not can(by, Action.MANAGE_EDITION, edition):
        raise PhaseDateError("not_allowed")
    if not reason.strip():
        raise PhaseDateError("reason_required")
    return reason.strip()


def _locked_chain(edition: Edition, kind: str) -> tuple[Phase, list[Phase]]:
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    chain = list(Phase.objects.select_for_update().filter(edition=edition).order_by("starts_at", "pk"))
    phase = next((p for p in chain if p.kind == kind), None)
    if phase is None:
        raise PhaseDateError("unknown_phase")
    return phase, chain


def extend_phase(*, edition: Edition, kind: str, ends_at: datetime, reason: str, by: User) -> Phase:
    """Move a phase's end later; a following phase that would overlap starts at the new end instead."""
    reason = _authorised_reason(edition=edition, reason=reason, by=by)
    with transaction.atomic():
        phase, chain = _locked_chain(edition, kind)
        if phase.ends_at <= timezone.now():
            raise PhaseDateError("already_ended", phase=phase.get_kind_display())
        if ends_at <= phase.ends_at:
            current = timezone.localtime(phase.ends_at).strftime("%d-%m-%Y %H:%M")
            raise PhaseDateError("not_later", ends_at=current)
        before = {phase.kind: phase.ends_at.isoformat()}
        after = {phase.kind: ends_at.isoformat()}
        phase.ends_at = ends_at
        moved = [p for p in chain if p.pk != phase.pk and phase.starts_at < p.starts_at < ends_at]
        for following in moved:
            if following.ends_at <= ends_at:
                raise PhaseDateError("following_phase", phase=following.get_kind_display())
            before[f"{following.kind}.starts_at"] = following.starts_at.isoformat()
            after[f"{following.kind}.starts_at"] = ends_at.isoformat()
            following.starts_at = ends_at
        errors = phase_chain_errors(
            [PhaseDates(kind=p.kind, starts_at=p.starts_at, ends_at=p.ends_at) for p in chain],
            edition=edition,
        )
        if errors:
            raise PhaseDateError("following_phase", phase="; ".join(errors))
        phase.save(update_fields=["ends_at"])
        for following in moved:
            following.save(update_fields=["starts_at"])
        record(
            actor=by,
            action="editions.phase_extended",
            target=phase,
            edition=edition,
            before=before,
            after={**after, "reason": reason},
        )
    return phase


def close_phase_early(*, edition: Edition, kind: str, reason: str, by: User) -> Phase:
    """End a running phase now; an open vote closes through the vote's own service."""
    reason = _authorised_reason(edition=edition, reason=reason, by=by)
    if kind in phases_opening(edition, Action.VOTE) and is_open(edition, Action.VOTE):
        close_vote_early(edition=edition, reason=reason, by=by)
        return Phase.objects.get(edition=edition, kind=kind)
    with transaction.atomic():
        phase, _chain = _locked_chain(edition, kind)
        now = timezone.now()
        if not phase.starts_at <= now < phase.ends_at:
            raise PhaseDateError("not_running", phase=phase.get_kind_display())
        before = phase.ends_at
        phase.ends_at = now
        phase.save(update_fields=["ends_at"])
        record(
            actor=by,
            action="editions.phase_closed_early",
            target=phase,
            edition=edition,
            before={phase.kind: before.isoformat()},
            after={phase.kind: now.isoformat(), "reason": reason},
        )
    return phase
