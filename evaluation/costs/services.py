"""Adding and removing lines of what running an edition cost (EVALUATE, audited)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition

from ..evidence.access import check_evaluator
from ..models import ProcessCost
from .errors import CostError

MOST_HOURS = Decimal("9999999.9")


def _hours(staff_hours: Decimal) -> Decimal:
    try:
        hours = Decimal(staff_hours)
        exact = hours == hours.quantize(Decimal("0.1"))
    except (InvalidOperation, TypeError, ValueError):
        raise CostError("hours_not_valid") from None
    if not hours.is_finite() or hours < 0 or hours > MOST_HOURS or not exact:
        raise CostError("hours_not_valid")
    return hours


def add_cost(
    *,
    edition: Edition,
    by: User,
    description: str,
    staff_hours: Decimal,
    amount_cents: int,
    at: datetime | None = None,
) -> ProcessCost:
    """One line of running costs: what it was for, the staff hours and the money it took."""
    check_evaluator(by, edition)
    description = description.strip()
    if not description:
        raise CostError("description_required")
    hours = _hours(staff_hours)
    if not isinstance(amount_cents, int) or amount_cents < 0:
        raise CostError("amount_not_valid")
    if hours == 0 and amount_cents == 0:
        raise CostError("empty_line")
    with transaction.atomic():
        cost = ProcessCost.objects.create(
            edition=edition,
            description=description[:200],
            staff_hours=hours,
            amount_cents=amount_cents,
            entered_by=by,
            entered_at=at or timezone.now(),
        )
        record(
            actor=by,
            action="evaluation.cost_added",
            target=cost,
            edition=edition,
            after={"description": cost.description, "staff_hours": str(hours), "amount_cents": amount_cents},
            at=at,
        )
    return cost


def remove_cost(*, cost: ProcessCost, by: User, edition: Edition | None = None) -> None:
    """Take a line out (a mistake); ``edition``, when given, must be the line's own."""
    if edition is not None and cost.edition_id != edition.pk:
        raise CostError("other_edition")
    check_evaluator(by, cost.edition)
    with transaction.atomic():
        before = {
            "description": cost.description,
            "staff_hours": str(cost.staff_hours),
            "amount_cents": cost.amount_cents,
        }
        record(actor=by, action="evaluation.cost_removed", target=cost, edition=cost.edition, before=before)
        cost.delete()
