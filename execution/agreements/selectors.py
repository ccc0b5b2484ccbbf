"""Reads of a project's agreement: its page, its public summary, its history, and the district's work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from editions.models import Edition

from ..access import CLOSED_STATUSES
from ..models import Agreement, Milestone, PaymentKind, Project, ProjectLine, ScheduledPayment


@dataclass(frozen=True)
class MilestoneRow:
    key: int
    title: str
    planned_on: date
    amount_cents: int
    line: str


@dataclass(frozen=True)
class PaymentRow:
    kind: str
    line: str
    amount_cents: int
    milestone: str
    due_on: date | None


@dataclass(frozen=True)
class Version:
    """One version with its terms spelled out for reading."""

    agreement: Agreement
    milestones: list[MilestoneRow]
    payments: list[PaymentRow]

    @property
    def total_cents(self) -> int:
        return sum(p.amount_cents for p in self.payments)


@dataclass(frozen=True)
class AgreementPage:
    project: Project
    lines: list[ProjectLine]
    in_force: Version | None
    pending: Version | None
    versions: list[Agreement]


@dataclass(frozen=True)
class LiveMilestone:
    milestone: Milestone
    state: str  # "reached", "overdue" or "planned"


@dataclass(frozen=True)
class AgreementSummary:
    """What the public project page shows of the agreement in force."""

    agreement: Agreement
    milestones: list[LiveMilestone]
    payments: list[ScheduledPayment]
    changes: list[Agreement]  # the versions that came into force after the first, with their reasons


def spell_out(agreement: Agreement, lines: list[ProjectLine]) -> Version:
    """The version's stored terms with line descriptions and milestone titles instead of ids."""
    names = {line.pk: line.description for line in lines}
    terms: dict[str, Any] = agreement.terms
    titles = {m["key"]: m["title"] for m in terms.get("milestones", [])}
    kinds = dict(PaymentKind.choices)
    return Version(
        agreement=agreement,
        milestones=[
            MilestoneRow(
                key=m["key"],
                title=m["title"],
                planned_on=date.fromisoformat(m["planned_on"]),
                amount_cents=m["amount_cents"],
                line=names.get(m["line"], "") if m["line"] else "",
            )
            for m in terms.get("milestones", [])
        ],
        payments=[
            PaymentRow(
                kind=str(kinds.get(p["kind"], p["kind"])),
                line=names.get(p["line"], ""),
                amount_cents=p["amount_cents"],
                milestone=titles.get(p["milestone"], "") if p["milestone"] is not None else "",
                due_on=date.fromisoformat(p["due_on"]) if p["due_on"] else None,
            )
            for p in terms.get("payments", [])
        ],
    )


def agreement_page(project: Project) -> AgreementPage:
    """Everything the agreement page of ``project`` shows: in force, waiting, every version."""
    lines = list(ProjectLine.objects.filter(project=project).order_by("position", "pk"))
    versions = list(
        Agreement.objects.filter(project=project)
        .select_related("proposed_by", "initiators_confirmed_by", "district_confirmed_by")
        .order_by("number")
    )
    in_force = next((a for a in versions if a.in_force_at and not a.superseded_at), None)
    pending = next((a for a in versions if not a.in_force_at and not a.withdrawn_at), None)
    return AgreementPage(
        project=project,
        lines=lines,
        in_force=spell_out(in_force, lines) if in_force else None,
        pending=spell_out(pending, lines) if pending else None,
        versions=versions,
    )


def agreement_summary(project: Project, *, today: date | None = None) -> AgreementSummary | None:
    """The agreement in force for the public project page (None before there is one): the live
    milestones with their state, the live payment schedule, and the accepted changes with reasons.
    Three queries, whatever the project's size."""
    versions = list(Agreement.objects.filter(project=project, in_force_at__isnull=False).order_by("number"))
    current = next((a for a in versions if a.superseded_at is None), None)
    if current is None:
        return None
    day = today or timezone.localdate()
    milestones = Milestone.objects.filter(project=project, dropped_at__isnull=True).order_by(
        "planned_on", "key"
    )
    payments = (
        ScheduledPayment.objects.filter(project=project, dropped_at__isnull=True)
        .select_related("line", "milestone")
        .order_by("due_on", "pk")
    )
    return AgreementSummary(
        agreement=current,
        milestones=[LiveMilestone(m, _state(m, day)) for m in milestones],
        payments=list(payments),
        changes=[a for a in versions if a.number > 1 and a.change_reason],
    )


def _state(milestone: Milestone, day: date) -> str:
    if milestone.reached_at is not None:
        return "reached"
    return "overdue" if milestone.planned_on < day else "planned"


def work_counts(edition: Edition) -> dict[str, int]:
    """The district's agreement work in ``edition``: versions waiting for its confirmation, and open
    projects with no contact person yet."""
    open_projects = Project.objects.filter(edition=edition).exclude(status__in=CLOSED_STATUSES)
    counts = open_projects.aggregate(
        agreements_to_confirm=Count(
            "agreements",
            filter=Q(
                agreements__in_force_at__isnull=True,
                agreements__withdrawn_at__isnull=True,
                agreements__district_confirmed_at__isnull=True,
            ),
        ),
        projects_to_set_up=Count("pk", filter=Q(contact__isnull=True), distinct=True),
    )
    return {name: int(value or 0) for name, value in counts.items()}
