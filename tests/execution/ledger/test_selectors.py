"""The ledger's reads: a project by line, summaries per neighbourhood, theme and edition, payments due."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from execution.ledger.selectors import (
    edition_summary,
    project_ledger,
    summary_by_neighbourhood,
    summary_by_theme,
    work_counts,
)
from execution.ledger.services.decisions import return_to_edition
from execution.ledger.services.expenses import report_expense
from execution.ledger.services.payments import record_payment
from execution.models import Agreement, Milestone, PaymentKind, ScheduledPayment
from tests.execution.factories import owner_of, published_projects
from tests.execution.ledger.receipts import photo_receipt

pytestmark = pytest.mark.django_db


def _money() -> tuple[Any, ...]:
    edition, plans, official, projects = published_projects()
    first = projects[0].lines.get()
    today = timezone.localdate()
    record_payment(line=first, by=official, amount_cents=1_000_000, paid_on=today, reference="F1")
    receipt = photo_receipt()
    report_expense(
        line=first,
        by=owner_of(projects[0]),
        amount_cents=1_500_000,
        spent_on=today,
        description="Bakken",
        receipt=receipt,
        receipt_size=len(receipt.getvalue()),
    )
    return_to_edition(line=projects[1].lines.get(), by=official, amount_cents=500_000, reason="Goedkoper")
    return edition, plans, official, projects


def test_a_projects_ledger_by_line_and_its_remaining_money() -> None:
    _, _, _, projects = _money()
    ledger = project_ledger(projects[0])
    [(_, row)] = ledger.lines
    assert (row.awarded, row.paid, row.spent, row.returned) == (4_000_000, 1_000_000, 1_500_000, 0)
    assert row.remaining == 2_500_000
    assert ledger.total == row.__class__("", 4_000_000, 0, 1_000_000, 1_500_000, 0)


def test_summaries_are_sums_in_the_database_in_one_query_each() -> None:
    edition, plans, _, _ = _money()
    with CaptureQueriesContext(connection) as queries:
        summary = edition_summary(edition)
        by_theme = summary_by_theme(edition)
        by_neighbourhood = summary_by_neighbourhood(edition)
    assert len(queries) == 3
    assert (summary.awarded, summary.paid, summary.spent, summary.returned) == (
        6_000_000,
        1_000_000,
        1_500_000,
        500_000,
    )
    assert [row.label for row in by_theme] == [plans[0].theme.name]
    assert sum(row.awarded for row in by_neighbourhood) == 6_000_000


def test_payments_due_count_reached_milestones_and_passed_dates_not_yet_paid() -> None:
    edition, _, official, projects = published_projects()
    project, line = projects[0], projects[0].lines.get()
    now = timezone.now()
    agreement = Agreement.objects.create(
        project=project, number=1, terms={}, proposed_by=official, in_force_at=now,
        initiators_confirmed_at=now, district_confirmed_at=now,
    )  # fmt: skip
    reached = Milestone.objects.create(
        project=project,
        key=1,
        title="Bakken geplaatst",
        planned_on=now.date(),
        agreement=agreement,
        reached_at=now,
    )
    later = Milestone.objects.create(
        project=project,
        key=2,
        title="Opening",
        planned_on=now.date() + timedelta(days=30),
        agreement=agreement,
    )
    scheduled = {
        "advance": ScheduledPayment.objects.create(
            project=project,
            agreement=agreement,
            kind=PaymentKind.ADVANCE,
            line=line,
            amount_cents=100,
            due_on=now.date() - timedelta(days=1),
        ),
        "reached": ScheduledPayment.objects.create(
            project=project,
            agreement=agreement,
            kind=PaymentKind.INSTALMENT,
            line=line,
            amount_cents=100,
            milestone=reached,
        ),
    }
    ScheduledPayment.objects.create(
        project=project,
        agreement=agreement,
        kind=PaymentKind.INSTALMENT,
        line=line,
        amount_cents=100,
        milestone=later,
    )
    assert work_counts(edition) == {"payments_due": 2}
    record_payment(
        line=line,
        by=official,
        amount_cents=100,
        paid_on=now.date(),
        reference="F1",
        scheduled=scheduled["advance"],
    )
    assert work_counts(edition) == {"payments_due": 1}
