"""An edition's open data on carrying out: projects, milestones and the ledger, without personal data.

No names, e-mail addresses, receipts or payment references leave here: a reference from the finance
system may name a person (an invoice of a resident), so payments are given by date and amount only.
Each table is one query (two for the ledger's entries), whatever the number of projects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from editions.models import Edition

from ..models import Expense, LedgerDecision, Milestone, Payment, ProjectLine
from .selectors import projects_of


def _day(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localdate(value).isoformat()
    return value.isoformat()


def project_rows(edition: Edition) -> Iterator[list[Any]]:
    for p in projects_of(edition):
        yield [
            p.pk,
            p.plan_id,
            p.plan.title,
            p.plan.neighbourhood.name if p.plan.neighbourhood else "",
            p.plan.theme.name,
            p.status,
            p.progress_percent,
            p.awarded_cents,  # type: ignore[attr-defined]
            p.paid_cents,  # type: ignore[attr-defined]
            p.spent_cents,  # type: ignore[attr-defined]
            p.returned_cents,  # type: ignore[attr-defined]
            _day(p.opened_at),
            _day(p.started_at),
            _day(p.completed_at),
        ]


def milestone_rows(edition: Edition) -> Iterator[list[Any]]:
    milestones = Milestone.objects.filter(project__edition=edition, dropped_at__isnull=True).order_by(
        "project_id", "planned_on", "key"
    )
    for m in milestones:
        yield [m.project_id, m.key, m.title, _day(m.planned_on), _day(m.reached_at), m.amount_cents]


def line_rows(edition: Edition) -> Iterator[list[Any]]:
    lines = ProjectLine.objects.filter(project__edition=edition).order_by("project_id", "position", "pk")
    for line in lines:
        yield [
            line.project_id,
            line.pk,
            line.description,
            line.delivery,
            line.awarded_cents,
            line.paid_cents,
            line.spent_cents,
            line.returned_cents,
            line.remaining_cents,
        ]


def entry_rows(edition: Edition) -> Iterator[list[Any]]:
    """Payments (date, amount), expenses (date, amount, what was bought) and decisions (with reason)."""
    payments = Payment.objects.filter(project__edition=edition).values_list(
        "project_id", "line_id", "paid_on", "amount_cents"
    )
    for project, line, day, amount in payments.order_by("project_id", "paid_on", "pk"):
        yield [project, line, "payment", _day(day), amount, "", "", ""]
    expenses = Expense.objects.filter(project__edition=edition).values_list(
        "project_id", "line_id", "spent_on", "amount_cents", "description"
    )
    for project, line, day, amount, description in expenses.order_by("project_id", "spent_on", "pk"):
        yield [project, line, "expense", _day(day), amount, description, "", ""]
    decisions = LedgerDecision.objects.filter(project__edition=edition).order_by(
        "project_id", "decided_at", "pk"
    )
    for d in decisions:
        yield [
            d.project_id,
            d.to_line_id or d.from_line_id,
            d.kind,
            _day(d.decided_at),
            d.amount_cents,
            "",
            d.from_line_id or "",
            d.reason,
        ]


@dataclass(frozen=True)
class Table:
    label: Promise
    columns: tuple[str, ...]
    rows: Callable[[Edition], Iterator[list[Any]]]


TABLES: dict[str, Table] = {
    "projecten": Table(
        _("Projects"),
        (
            "project_id",
            "plan_id",
            "title",
            "neighbourhood",
            "theme",
            "status",
            "progress_percent",
            "awarded_cents",
            "paid_cents",
            "spent_cents",
            "returned_cents",
            "opened_on",
            "started_on",
            "completed_on",
        ),
        project_rows,
    ),
    "mijlpalen": Table(
        _("Milestones"),
        ("project_id", "milestone", "title", "planned_on", "reached_on", "amount_cents"),
        milestone_rows,
    ),
    "kostenposten": Table(
        _("Money per cost line"),
        (
            "project_id",
            "line_id",
            "description",
            "delivery",
            "awarded_cents",
            "paid_cents",
            "spent_cents",
            "returned_cents",
            "remaining_cents",
        ),
        line_rows,
    ),
    "boekingen": Table(
        _("Payments, expenses and decisions"),
        ("project_id", "line_id", "entry", "date", "amount_cents", "description", "from_line_id", "reason"),
        entry_rows,
    ),
}


def table_data(edition: Edition, name: str) -> list[dict[str, Any]]:
    """A table as a list of records, for JSON."""
    table = TABLES[name]
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows(edition)]
