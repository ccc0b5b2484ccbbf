"""Reads of the money ledger: a project's lines, summaries per neighbourhood, theme and edition, work to do.

Summaries are sums in the database (one query each, however many projects); "remaining" is what a
line has not yet used: awarded, less what was returned, less the larger of paid and spent (money paid
to the initiators is spent by them, money the district pays suppliers is never spent by them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from editions.models import Edition

from ..models import Expense, LedgerDecision, Payment, Project, ProjectLine, ScheduledPayment

TOTALS = ("awarded", "committed", "paid", "spent", "returned")


@dataclass(frozen=True)
class LedgerRow:
    label: str
    awarded: int
    committed: int
    paid: int
    spent: int
    returned: int

    @property
    def remaining(self) -> int:
        return self.awarded - self.returned - max(self.paid, self.spent)


@dataclass(frozen=True)
class ProjectLedger:
    lines: list[tuple[ProjectLine, LedgerRow]]
    total: LedgerRow


def _row(label: str, values: dict[str, int | None]) -> LedgerRow:
    return LedgerRow(label, **{name: int(values.get(name) or 0) for name in TOTALS})


def project_ledger(project: Project) -> ProjectLedger:
    """The project's lines with their totals, and the sum over them (one query)."""
    lines = list(ProjectLine.objects.filter(project=project).order_by("position", "pk"))
    rows = [
        (
            line,
            LedgerRow(
                line.description,
                line.awarded_cents,
                line.committed_cents,
                line.paid_cents,
                line.spent_cents,
                line.returned_cents,
            ),
        )
        for line in lines
    ]
    total = {name: sum(getattr(row, name) for _, row in rows) for name in TOTALS}
    return ProjectLedger(lines=rows, total=_row("", total))


def edition_summary(edition: Edition) -> LedgerRow:
    """Awarded, paid, spent and returned over all the edition's projects (one query)."""
    values = ProjectLine.objects.filter(project__edition=edition).aggregate(
        **{name: Coalesce(Sum(f"{name}_cents"), 0) for name in TOTALS}
    )
    return _row(edition.name, values)


def summary_by_neighbourhood(edition: Edition) -> list[LedgerRow]:
    """One row per neighbourhood of the edition's projects (plans without one under ""), by name."""
    return _grouped(edition, "project__plan__neighbourhood__name")


def summary_by_theme(edition: Edition) -> list[LedgerRow]:
    """One row per theme of the edition's projects, by name."""
    return _grouped(edition, "project__plan__theme__name")


def _grouped(edition: Edition, field: str) -> list[LedgerRow]:
    rows = (
        ProjectLine.objects.filter(project__edition=edition)
        .values(field)
        .annotate(**{name: Coalesce(Sum(f"{name}_cents"), 0) for name in TOTALS})
        .order_by(field)
    )
    return [_row(row[field] or "", row) for row in rows]


def payments_of(project: Project) -> QuerySet[Payment]:
    return (
        Payment.objects.filter(project=project)
        .select_related("line", "scheduled")
        .order_by("-paid_on", "-pk")
    )


def expenses_of(project: Project) -> QuerySet[Expense]:
    return (
        Expense.objects.filter(project=project)
        .select_related("line", "reported_by")
        .order_by("-spent_on", "-pk")
    )


def decisions_of(project: Project) -> QuerySet[LedgerDecision]:
    """The district's decisions, public with their reasons."""
    return (
        LedgerDecision.objects.filter(project=project)
        .select_related("from_line", "to_line")
        .order_by("decided_at", "pk")
    )


def due_payments(*, today: date | None = None) -> QuerySet[ScheduledPayment]:
    """Scheduled payments in force whose milestone is reached or whose date has come, not yet paid."""
    today = today or timezone.localdate()
    return ScheduledPayment.objects.filter(
        Q(milestone__reached_at__isnull=False) | Q(due_on__lte=today),
        ~Exists(Payment.objects.filter(scheduled=OuterRef("pk"))),
        dropped_at__isnull=True,
    )


def work_counts(edition: Edition) -> dict[str, int]:
    """For "My work": the edition's payments due (one query)."""
    return {"payments_due": due_payments().filter(project__edition=edition).count()}
