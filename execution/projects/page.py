"""The read behind a project's public page: a constant number of queries however many updates it has.

The page renders the project's public sections from here (milestones, updates with photos, the
ledger by cost line); the parts add theirs (the follow button, obstacles, the district's decisions,
the final report), and ``acting_on`` says which of the parts' pages the visitor may work in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from editions.models import AggregationRule

from ..access import may_manage, may_report
from ..models import (
    ChosenBy,
    FinalReport,
    Milestone,
    Project,
    ProjectLine,
    ReportDecision,
    StatusChange,
    Update,
    UpdatePhoto,
)
from ..progress.services import may_hide

UPDATES_PER_PAGE = 20


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    state: str  # "reached", "overdue" or "planned"


@dataclass(frozen=True)
class Chosen:
    """Why the project was chosen, as the result said: by the vote (section, votes, rule) or the panel."""

    by_panel: bool
    section: str
    supporters: int
    rule_label: str
    reason: str


@dataclass(frozen=True)
class LedgerTotals:
    awarded_cents: int
    paid_cents: int
    spent_cents: int
    returned_cents: int
    remaining_cents: int


@dataclass(frozen=True)
class ProjectPage:
    project: Project
    lines: list[ProjectLine]
    totals: LedgerTotals
    milestones: list[MilestoneRow]
    updates: Page[Update]
    chosen: Chosen
    contact_role: str
    # Why the project is delayed or stopped (the reason given with its last step), shown by its status.
    status_reason: str


def public_project(pk: int) -> Project:
    """A project of a published edition with its plan and edition; ``Project.DoesNotExist`` if none."""
    return (
        Project.objects.filter(edition__is_published=True)
        .select_related("plan", "plan__theme", "plan__neighbourhood", "edition", "edition__district")
        .get(pk=pk)
    )


def public_updates(project: Project) -> QuerySet[Update]:
    """The project's updates, newest first, with their milestone and photos (two queries per page)."""
    return (
        Update.objects.filter(project=project)
        .select_related("milestone")
        .prefetch_related(Prefetch("photos", queryset=UpdatePhoto.objects.order_by("position", "pk")))
        .order_by("-posted_at", "-pk")
    )


def milestone_rows(project: Project, *, today: date) -> list[MilestoneRow]:
    """The milestones in force (not dropped by a later agreement), each planned, reached or overdue."""
    rows = []
    for milestone in Milestone.objects.filter(project=project, dropped_at__isnull=True).order_by(
        "planned_on", "key"
    ):
        if milestone.reached_at is not None:
            state = "reached"
        elif milestone.planned_on < today:
            state = "overdue"
        else:
            state = "planned"
        rows.append(MilestoneRow(milestone, state))
    return rows


def chosen_of(project: Project) -> Chosen:
    because = project.chosen_because or {}
    rule = str(because.get("rule") or "")
    return Chosen(
        by_panel=project.chosen_by == ChosenBy.PANEL,
        section=str(because.get("section") or ""),
        supporters=int(because.get("supporters") or 0),
        rule_label=str(AggregationRule(rule).label) if rule in AggregationRule.values else rule,
        reason=str(because.get("reason") or ""),
    )


def _totals(lines: list[ProjectLine]) -> LedgerTotals:
    return LedgerTotals(
        awarded_cents=sum(line.awarded_cents for line in lines),
        paid_cents=sum(line.paid_cents for line in lines),
        spent_cents=sum(line.spent_cents for line in lines),
        returned_cents=sum(line.returned_cents for line in lines),
        remaining_cents=sum(line.remaining_cents for line in lines),
    )


def project_page(pk: int, *, page: str | int | None = None) -> ProjectPage:
    """Everything the public page of project ``pk`` shows; ``Project.DoesNotExist`` if it is not public."""
    project = public_project(pk)
    lines = list(ProjectLine.objects.filter(project=project).order_by("position", "pk"))
    today = timezone.localdate()
    return ProjectPage(
        project=project,
        lines=lines,
        totals=_totals(lines),
        milestones=milestone_rows(project, today=today),
        updates=Paginator(public_updates(project), UPDATES_PER_PAGE).get_page(page),
        chosen=chosen_of(project),
        contact_role=_("%(role)s of %(district)s")
        % {"role": Role.OFFICIAL.label, "district": project.edition.district.name}
        if project.contact_id
        else "",
        status_reason=_status_reason(project),
    )


def _status_reason(project: Project) -> str:
    reasons = StatusChange.objects.filter(project=project, to_status=project.status).exclude(reason="")
    return reasons.order_by("-changed_at", "-pk").values_list("reason", flat=True).first() or ""


@dataclass(frozen=True)
class Acting:
    """What the person looking at a project page may do on it: the links of its work panel."""

    report: bool  # an owner: updates, expenses, obstacles, the final report
    manage: bool  # the district's official: set-up, agreement, money, acceptance
    hide: bool  # a moderator: hide an update
    pending_report: int | None  # the final report waiting for the district

    @property
    def any(self) -> bool:
        return self.report or self.manage


def acting_on(user: User | AnonymousUser, project: Project) -> Acting:
    if not user.is_authenticated:
        return Acting(report=False, manage=False, hide=False, pending_report=None)
    manage = may_manage(user, project)
    pending = (
        FinalReport.objects.filter(project=project, decision=ReportDecision.PENDING)
        .values_list("pk", flat=True)
        .first()
    )
    return Acting(
        report=may_report(user, project),
        manage=manage,
        hide=may_hide(user, project),
        pending_report=pending if manage else None,
    )
