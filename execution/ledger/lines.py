"""Moving money on a project's line: the one place that changes the ledger's running totals.

Every payment, expense and decision moves a ``ProjectLine``'s totals through ``move_money``: one
conditional ``UPDATE`` with ``F()`` expressions, which the line's check constraints guard. Two
officials paying the last euro at once are serialised by the row's lock; the second update would
break ``paid ≤ awarded − returned`` and the database refuses it, so exactly one wins.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from ..models import ProjectLine
from .errors import LedgerError

TOTALS = ("awarded_cents", "committed_cents", "paid_cents", "spent_cents", "returned_cents")


def move_money(*, line: ProjectLine, **deltas: int) -> None:
    """Add ``deltas`` (e.g. ``paid_cents=5000``) to the line's totals, or refuse with "over_award".

    Call inside the service's transaction; the savepoint here keeps that transaction usable when the
    database refuses, so the service can raise the translated error and roll back everything else.
    """
    unknown = set(deltas) - set(TOTALS)
    if unknown:
        raise ValueError(f"not a ledger total: {sorted(unknown)}")
    changes = {name: F(name) + delta for name, delta in deltas.items() if delta}
    if not changes:
        return
    try:
        with transaction.atomic():
            ProjectLine.objects.filter(pk=line.pk).update(**changes)
    except IntegrityError:
        raise LedgerError("over_award", line=line.description) from None
