"""Payments imported from the finance system's CSV export: all or nothing, the first bad line named.

Columns (English or Dutch names): the project's number (``project``/``projectnummer``), the cost line
(its number on the project page, or its description), the amount in euros ("1.250,50", "1250.50"),
the date ("2026-05-01" or "1-5-2026") and the finance system's reference.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outreach.csv_import import bad_row, read_csv
from outreach.errors import CsvImportError
from ui.fields import parse_euros
from ui.templatetags.money import format_money

from ...models import Payment, PaymentSource, ProjectLine
from ..errors import LedgerError
from .payments import check_payment, store_payment

MAX_ROWS = 2_000
COLUMNS: dict[str, tuple[str, ...]] = {
    "project": ("project", "project number", "projectnummer", "project nr", "projectnr"),
    "line": ("line", "cost line", "kostenpost", "post", "regel", "budgetregel"),
    "amount": ("amount", "amount (eur)", "bedrag", "bedrag (eur)", "bedrag in euro"),
    "date": ("date", "paid on", "datum", "betaaldatum"),
    "reference": ("reference", "referentie", "kenmerk", "boekingsnummer", "factuurnummer"),
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


@dataclass(frozen=True)
class ImportedPayment:
    line_number: int
    line: ProjectLine
    amount_cents: int
    paid_on: date
    reference: str


def parse_amount(text: str) -> int | None:
    """Euros as cents, written the Dutch or the English way (``ui.fields.parse_euros``); None if not."""
    try:
        return parse_euros(text)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _find_line(lines: list[ProjectLine], written: str) -> ProjectLine | None:
    if written.isdigit() and 1 <= int(written) <= len(lines):
        return lines[int(written) - 1]
    wanted = " ".join(written.casefold().split())
    return next((line for line in lines if " ".join(line.description.casefold().split()) == wanted), None)


def _read_rows(edition: Edition, file: IO[bytes] | bytes, at: datetime) -> list[ImportedPayment]:
    rows = read_csv(file, COLUMNS)
    if len(rows) > MAX_ROWS:
        raise CsvImportError("too_many_rows", count=len(rows), limit=MAX_ROWS)
    lines_of: dict[int, list[ProjectLine]] = defaultdict(list)
    for known in (
        ProjectLine.objects.filter(project__edition=edition)
        .select_related("project")
        .order_by("project", "position", "pk")
    ):
        lines_of[known.project_id].append(known)
    read: list[ImportedPayment] = []
    for number, row in rows:
        project_id = row["project"].lstrip("#")
        if not project_id.isdigit() or int(project_id) not in lines_of:
            raise bad_row(
                number, _("there is no project “%(project)s” in this edition."), project=row["project"]
            )
        line = _find_line(lines_of[int(project_id)], row["line"])
        if line is None:
            raise bad_row(number, _("the project has no cost line “%(cost_line)s”."), cost_line=row["line"])
        amount = parse_amount(row["amount"])
        if amount is None:
            raise bad_row(number, _("“%(amount)s” is not an amount in euros."), amount=row["amount"])
        paid_on = parse_date(row["date"])
        if paid_on is None:
            raise bad_row(
                number, _("“%(date)s” is not a date (write 2026-05-01 or 1-5-2026)."), date=row["date"]
            )
        try:
            reference = check_payment(amount_cents=amount, paid_on=paid_on, reference=row["reference"], at=at)
        except LedgerError as error:
            raise bad_row(number, error.messages[error.code]) from None
        read.append(ImportedPayment(number, line, amount, paid_on, reference))
    return read


def _check_references(edition: Edition, payments: list[ImportedPayment]) -> None:
    seen: dict[str, int] = {}
    for payment in payments:
        if payment.reference in seen:
            raise bad_row(
                payment.line_number,
                _("the reference “%(reference)s” is also on line %(other)s."),
                reference=payment.reference,
                other=seen[payment.reference],
            )
        seen[payment.reference] = payment.line_number
    taken = set(
        Payment.objects.filter(edition=edition, reference__in=list(seen)).values_list("reference", flat=True)
    )
    if taken:
        first = min(taken, key=seen.__getitem__)
        raise bad_row(
            seen[first],
            _("a payment with the reference “%(reference)s” is already recorded."),
            reference=first,
        )


def _check_awards(payments: list[ImportedPayment]) -> None:
    """Every line's payments in the file together stay within what is left on it (read under lock)."""
    locked = {
        line.pk: line
        for line in ProjectLine.objects.select_for_update().filter(pk__in={p.line.pk for p in payments})
    }
    paying: dict[int, int] = defaultdict(int)
    for payment in payments:
        line = locked[payment.line.pk]
        left = line.remaining_cents - paying[line.pk]  # what the lines above in the file left
        if payment.amount_cents > left:
            raise bad_row(
                payment.line_number,
                _("that is more than is left on “%(cost_line)s” (%(left)s)."),
                cost_line=line.description,
                left=format_money(left),
            )
        paying[line.pk] += payment.amount_cents


def import_payments(
    *, edition: Edition, by: User, file: IO[bytes] | bytes, at: datetime | None = None
) -> int:
    """Record every payment in ``file`` (see the module text), or none; how many were recorded."""
    if not can(by, Action.MANAGE_EXECUTION, edition):
        raise LedgerError("not_allowed")
    moment = at or timezone.now()
    payments = _read_rows(edition, file, moment)
    with transaction.atomic():
        _check_references(edition, payments)
        _check_awards(payments)
        for payment in payments:
            store_payment(
                line=payment.line,
                by=by,
                amount_cents=payment.amount_cents,
                paid_on=payment.paid_on,
                reference=payment.reference,
                scheduled=None,
                source=PaymentSource.IMPORT,
                at=moment,
            )
        record(
            actor=by,
            action="execution.payments_imported",
            target=edition,
            edition=edition,
            after={"count": len(payments), "references": [p.reference for p in payments]},
            at=moment,
        )
    return len(payments)
