"""Expenses reported by the initiators, each with its receipt, moving the line's spent total."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import IO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ...access import check_open, check_owner
from ...models import Expense, Project, ProjectLine
from ..errors import LedgerError
from ..lines import move_money
from ..receipts import check_receipt


def report_expense(
    *,
    line: ProjectLine,
    by: User,
    amount_cents: int,
    spent_on: date,
    description: str,
    receipt: IO[bytes] | None,
    receipt_size: int,
    at: datetime | None = None,
) -> Expense:
    """An expense on ``line`` by one of the project's owners, while the project is open; refused over
    the award, and for a receipt that is missing, too large, or neither a picture nor a PDF."""
    project = line.project
    check_owner(by, project)
    check_open(project)
    moment = at or timezone.now()
    description = " ".join(description.split())
    if not description:
        raise LedgerError("description_required")
    if amount_cents <= 0:
        raise LedgerError("amount_not_positive")
    if spent_on > timezone.localdate(moment):
        raise LedgerError("date_in_future")
    checked = check_receipt(receipt, size=receipt_size)  # before the transaction: decoding takes time
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        check_open(locked)  # checked again under the lock: acceptance may have just completed it
        expense = Expense(
            project=locked,
            line=line,
            amount_cents=amount_cents,
            spent_on=spent_on,
            description=description[:200],
            receipt_kind=checked.kind,
            reported_by=by,
            reported_at=moment,
        )
        expense.receipt.save(
            f"{secrets.token_hex(16)}.{checked.extension}", ContentFile(checked.data), save=False
        )
        # The file is written before the row; if the row or the money is refused, don't leave it behind.
        try:
            expense.save()
            move_money(line=line, spent_cents=amount_cents)
        except Exception:
            expense.receipt.storage.delete(expense.receipt.name)
            raise
    return expense
