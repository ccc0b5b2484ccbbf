"""District decisions on what a project may spend: move money between lines, top up, return underspend.

Each needs a public reason, is audited, and is written as a ``LedgerDecision`` beside the totals it moves.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition
from ui.templatetags.money import format_money

from ...access import check_district
from ...models import LedgerDecision, LedgerDecisionKind, ProjectLine
from ..errors import LedgerError
from ..lines import move_money


def _checked(*, by: User, line: ProjectLine, amount_cents: int, reason: str) -> str:
    check_district(by, line.project)
    if amount_cents <= 0:
        raise LedgerError("amount_not_positive")
    reason = reason.strip()
    if not reason:
        raise LedgerError("reason_required")
    return reason


def _decide(
    *,
    kind: LedgerDecisionKind,
    by: User,
    amount_cents: int,
    reason: str,
    at: datetime | None,
    from_line: ProjectLine | None = None,
    to_line: ProjectLine | None = None,
) -> LedgerDecision:
    moment = at or timezone.now()
    project = (from_line or to_line).project  # type: ignore[union-attr]
    decision = LedgerDecision.objects.create(
        project=project,
        kind=kind,
        from_line=from_line,
        to_line=to_line,
        amount_cents=amount_cents,
        reason=reason,
        decided_by=by,
        decided_at=moment,
    )
    record(
        actor=by,
        action=f"execution.ledger_{kind}",
        target=decision,
        edition=project.edition,
        after={
            "project": project.pk,
            "from_line": from_line.pk if from_line else None,
            "to_line": to_line.pk if to_line else None,
            "amount_cents": amount_cents,
            "reason": reason,
        },
        at=moment,
    )
    return decision


def reallocate(
    *,
    from_line: ProjectLine,
    to_line: ProjectLine,
    by: User,
    amount_cents: int,
    reason: str,
    at: datetime | None = None,
) -> LedgerDecision:
    """Move ``amount_cents`` of the award from one line of a project to another; refused when the
    first line has less left than that beside what is committed, paid or spent on it."""
    reason = _checked(by=by, line=from_line, amount_cents=amount_cents, reason=reason)
    if to_line.project_id != from_line.project_id:
        raise LedgerError("unknown_line")
    if to_line.pk == from_line.pk:
        raise LedgerError("same_line")
    with transaction.atomic():
        source = ProjectLine.objects.select_for_update().get(pk=from_line.pk)
        used = max(source.committed_cents, source.returned_cents + max(source.paid_cents, source.spent_cents))
        if source.awarded_cents - amount_cents < used:
            raise LedgerError(
                "line_short",
                line=source.description,
                amount=format_money(amount_cents),
                used=format_money(used),
            )
        move_money(line=source, awarded_cents=-amount_cents)
        move_money(line=to_line, awarded_cents=amount_cents)
        return _decide(
            kind=LedgerDecisionKind.REALLOCATE,
            by=by,
            amount_cents=amount_cents,
            reason=reason,
            at=at,
            from_line=source,
            to_line=to_line,
        )


def unawarded_cents(edition: Edition) -> int:
    """What the edition's budget has not (or no longer) given to a project: its total budget minus what
    its projects were awarded, less what they returned."""
    given = ProjectLine.objects.filter(project__edition=edition).aggregate(
        total=Sum(F("awarded_cents") - F("returned_cents"))
    )["total"]
    return edition.total_budget_cents - (given or 0)


def top_up(
    *, line: ProjectLine, by: User, amount_cents: int, reason: str, at: datetime | None = None
) -> LedgerDecision:
    """Add ``amount_cents`` from the edition's budget to a line; refused beyond what is left unawarded."""
    reason = _checked(by=by, line=line, amount_cents=amount_cents, reason=reason)
    with transaction.atomic():
        # One top-up of an edition at a time: two could each see the same money left.
        edition = Edition.objects.select_for_update().get(pk=line.project.edition_id)
        left = unawarded_cents(edition)
        if amount_cents > left:
            raise LedgerError("over_budget", left=format_money(max(left, 0)))
        move_money(line=line, awarded_cents=amount_cents)
        return _decide(
            kind=LedgerDecisionKind.TOP_UP,
            by=by,
            amount_cents=amount_cents,
            reason=reason,
            at=at,
            to_line=line,
        )


def return_to_edition(
    *, line: ProjectLine, by: User, amount_cents: int, reason: str, at: datetime | None = None
) -> LedgerDecision:
    """Give ``amount_cents`` of a line's award back to the edition; refused beyond what is left unused."""
    reason = _checked(by=by, line=line, amount_cents=amount_cents, reason=reason)
    with transaction.atomic():
        move_money(line=line, returned_cents=amount_cents)
        return _decide(
            kind=LedgerDecisionKind.RETURN,
            by=by,
            amount_cents=amount_cents,
            reason=reason,
            at=at,
            from_line=line,
        )
