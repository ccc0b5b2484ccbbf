"""Recording a payment: by an official of the district, within the award, once per reference."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from common.errors import ServiceError
from execution.ledger.errors import LedgerError
from execution.ledger.services.payments import record_payment
from execution.models import Payment, PaymentSource, ProjectLine
from tests.execution.factories import make_other_official, owner_of, published_projects
from tests.factories import make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 1)


def _state(line: ProjectLine) -> tuple[int, int]:
    line.refresh_from_db()
    return Payment.objects.count(), line.paid_cents


def test_an_official_records_a_payment_that_moves_the_line_and_is_audited() -> None:
    _, _, official, projects = published_projects()
    line = projects[0].lines.get()
    payment = record_payment(
        line=line, by=official, amount_cents=1_000_00, paid_on=timezone.localdate(), reference=" F 2026-1 "
    )
    line.refresh_from_db()
    assert line.paid_cents == 1_000_00
    assert payment.reference == "F 2026-1"
    assert payment.source == PaymentSource.MANUAL
    assert AuditEntry.objects.filter(action="execution.payment_recorded", object_id=str(payment.pk)).exists()


def test_a_payment_over_the_award_is_refused_and_changes_nothing() -> None:
    _, _, official, projects = published_projects()
    line = projects[0].lines.get()
    error: ServiceError = refused(
        lambda: record_payment(
            line=line,
            by=official,
            amount_cents=line.awarded_cents + 1,
            paid_on=timezone.localdate(),
            reference="F1",
        ),
        "over_award",
        error=LedgerError,
        unchanged=lambda: _state(line),
    )
    assert line.description in error.message


def test_a_reference_used_before_in_the_edition_is_refused_translated() -> None:
    _, _, official, projects = published_projects()
    first, second = (p.lines.get() for p in projects)
    today = timezone.localdate()
    record_payment(line=first, by=official, amount_cents=100, paid_on=today, reference="F1")
    error: ServiceError = refused(
        lambda: record_payment(line=second, by=official, amount_cents=100, paid_on=today, reference="F1"),
        "duplicate_reference",
        unchanged=lambda: _state(second),
    )
    assert "F1" in error.message


@pytest.mark.parametrize(
    ("amount", "days_ahead", "reference", "code"),
    [
        (0, 0, "F1", "amount_not_positive"),
        (100, 1, "F1", "date_in_future"),
        (100, 0, "  ", "reference_required"),
    ],
)
def test_a_payment_that_says_something_impossible_is_refused(
    amount: int, days_ahead: int, reference: str, code: str
) -> None:
    _, _, official, projects = published_projects()
    line = projects[0].lines.get()
    paid_on = timezone.localdate() + timedelta(days=days_ahead)
    refused(
        lambda: record_payment(
            line=line, by=official, amount_cents=amount, paid_on=paid_on, reference=reference
        ),
        code,
        unchanged=lambda: _state(line),
    )


def test_another_districts_official_an_owner_and_a_resident_may_not_record_a_payment() -> None:
    _, _, _, projects = published_projects()
    line = projects[0].lines.get()
    for outsider in (make_other_official(), owner_of(projects[0]), make_user()):
        refused(
            partial(
                record_payment,
                line=line,
                by=outsider,
                amount_cents=100,
                paid_on=timezone.localdate(),
                reference="F1",
            ),
            "not_district",
            unchanged=lambda: _state(line),
        )
