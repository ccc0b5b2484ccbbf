"""Replacing a member who dropped out by someone from the pool who keeps every quota met."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from audit.services import record
from editions.permissions import can
from editions.phases import Action

from ...errors import PanelError
from ...models import MemberStatus, PanelMember, Respondent
from ..selectors import replacement_candidates
from .draw import _lock, fresh_seed

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def replace_member(*, member: PanelMember, reason: str, by: User, seed: int | None = None) -> PanelMember:
    """Mark ``member`` as dropped out and draw a replacement who keeps every quota; returns the new member."""
    draw = member.draw
    edition = draw.edition
    if not can(by, Action.FACILITATE_PANEL, edition):
        raise PanelError("not_allowed")
    reason = reason.strip()
    if not reason:
        raise PanelError("reason_required")
    _lock(edition)
    member.refresh_from_db()
    draw.refresh_from_db()
    if not draw.is_current:
        raise PanelError("not_current")
    if member.status != MemberStatus.ACTIVE:
        raise PanelError("not_active", pool_id=member.pool_id)
    candidates = replacement_candidates(draw=draw, leaving=member)
    if not candidates:
        raise PanelError("no_replacement", pool_id=member.pool_id)
    if seed is None:
        seed = fresh_seed()
    chosen = random.Random(seed).choice(candidates)
    member.status = MemberStatus.DROPPED_OUT
    member.dropped_at = timezone.now()
    member.drop_reason = reason
    member.save(update_fields=["status", "dropped_at", "drop_reason"])
    replacement = PanelMember.objects.create(
        draw=draw,
        respondent=Respondent.objects.filter(edition=edition, pool_id=chosen).first(),
        pool_id=chosen,
        replaces=member,
        replacement_seed=seed,
    )
    record(
        actor=by,
        action="panel.replace",
        target=replacement,
        edition=edition,
        before={"member": member.pool_id, "status": MemberStatus.ACTIVE},
        after={
            "member": member.pool_id,
            "status": MemberStatus.DROPPED_OUT,
            "reason": reason,
            "replacement": chosen,
            "seed": seed,
            "candidates": len(candidates),
            "chance": str(Fraction(1, len(candidates))),
        },
    )
    return replacement
