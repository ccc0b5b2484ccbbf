"""Payments by the district: recorded by an official one at a time, each moving the line's paid total."""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record

from ...access import check_district
from ...models import Payment, PaymentSource, ProjectLine, ScheduledPayment
from ..errors import LedgerError
from ..lines import move_money


def record_payment(
    *,
    line: ProjectLine,
    by: User,
    amount_cents: int,
    paid_on: date,
    reference: str,
    scheduled: ScheduledPayment | None = None,
    at: datetime | None = None,
) -> Payment:
    """A payment on ``line`` by an official of the project's district; refused over the award, for a
    reference already used in the edition, or for a scheduled payment of another project or already paid."""
    project = line.project
    check_district(by, project)
    moment = at or timezone.now()
    with transaction.atomic():
        payment = store_payment(
            line=line,
            by=by,
            amount_cents=amount_cents,
            paid_on=paid_on,
            reference=reference,
            scheduled=scheduled,
            source=PaymentSource.MANUAL,
            at=moment,
        )
        record(
            actor=by,
            action="execution.payment_recorded",
            target=payment,
            edition=project.edition,
            after={
                "project": project.pk,
                "line": line.pk,
                "amount_cents": amount_cents,
                "paid_on": paid_on.isoformat(),
                "reference": payment.reference,
                "scheduled": scheduled.pk if scheduled else None,
            },
            at=moment,
        )
    return payment


def check_payment(*, amount_cents: int, paid_on: date, reference: str, at: datetime) -> str:
    """The reference to store, or a refusal of what a payment says about itself."""
    if amount_cents <= 0:
        raise LedgerError("amount_not_positive")
    if paid_on > timezone.localdate(at):
        raise LedgerError("date_in_future")
    reference = " ".join(reference.split())
    if not reference:
        raise LedgerError("reference_required")
    return reference


def store_payment(
    *,
    line: ProjectLine,
    by: User,
    amount_cents: int,
    paid_on: date,
    reference: str,
    scheduled: ScheduledPayment | None,
    source: PaymentSource,
    at: datetime,
) -> Payment:
    """Store the payment and move the line's paid total; call inside the caller's transaction, after
    checking who may. The database refuses a second use of the reference and paying over the award."""
    reference = check_payment(amount_cents=amount_cents, paid_on=paid_on, reference=reference, at=at)
    project = line.project
    if scheduled is not None:
        if scheduled.project_id != project.pk or scheduled.dropped_at is not None:
            raise LedgerError("not_scheduled_here")
        if scheduled.payments.exists():
            raise LedgerError("already_settled")
    try:
        with transaction.atomic():
            payment = Payment.objects.create(
                edition_id=project.edition_id,
                project=project,
                line=line,
                scheduled=scheduled,
                amount_cents=amount_cents,
                paid_on=paid_on,
                reference=reference[:60],
                source=source,
                recorded_by=by,
                recorded_at=at,
            )
    except IntegrityError:
        raise LedgerError("duplicate_reference", reference=reference) from None
    move_money(line=line, paid_cents=amount_cents)
    return payment
