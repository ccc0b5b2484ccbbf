"""Many projects at once, in bulk, for the query-count tests and bench/execution_pages.py.

Rows are made directly (bulk_create), not through the services: what is measured is the pages' reads.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from execution.models import (
    Agreement,
    AuthorSide,
    Blocker,
    BlockerCategory,
    ChosenBy,
    Expense,
    Milestone,
    Payment,
    Project,
    ProjectLine,
    ProjectOwner,
    ProjectStatus,
    ReceiptKind,
    Update,
    UpdatePhoto,
)
from proposals.models import CostLine, Plan, PlanStatus

MILESTONES = [(1, "Materiaal besteld", -30), (2, "Eerste activiteit", -3), (3, "Afronding", 60)]
STATUSES = [ProjectStatus.PREPARING, ProjectStatus.RUNNING, ProjectStatus.DELAYED, ProjectStatus.RUNNING]


def add_projects(
    *, edition: Edition, initiator: User, official: User, count: int, start: int = 0
) -> list[Project]:
    """``count`` chosen plans of ``edition`` with their projects: two cost lines (one partly paid and
    spent), three milestones (one reached, one overdue), a resolved blocker."""
    themes = list(edition.themes.all())
    neighbourhoods = list(edition.district.neighbourhoods.all())
    now = timezone.now()
    plans = Plan.objects.bulk_create(
        Plan(
            edition=edition,
            title=f"Project {start + i:04d}",
            summary="Een plan voor de buurt.",
            description="Wat we doen.",
            theme=themes[i % len(themes)],
            neighbourhood=neighbourhoods[i % len(neighbourhoods)] if neighbourhoods and i % 3 else None,
            initiator=initiator,
            public_name=f"Initiatiefnemer {start + i}",
            status=PlanStatus.SELECTED,
            submitted_at=now,
            reviewed_cost_cents=300_000,
        )
        for i in range(count)
    )
    CostLine.objects.bulk_create(
        CostLine(plan=plan, description=d, amount_cents=a, position=n)
        for plan in plans
        for n, (d, a) in enumerate([("Materiaal", 200_000), ("Activiteit", 100_000)])
    )
    projects = Project.objects.bulk_create(
        Project(
            plan=plan,
            edition=edition,
            contact=official,
            status=STATUSES[i % len(STATUSES)],
            progress_percent=(i * 7) % 101,
            chosen_by=ChosenBy.VOTE,
            chosen_because={"count": 0, "rule": "greedy", "section": "Hele stadsdeel", "supporters": 40 + i},
            opened_at=now,
        )
        for i, plan in enumerate(plans)
    )
    ProjectOwner.objects.bulk_create(ProjectOwner(project=p, user=initiator) for p in projects)
    lines = ProjectLine.objects.bulk_create(
        ProjectLine(
            project=p,
            description=d,
            position=n,
            awarded_cents=a,
            paid_cents=a // 2 if n == 0 else 0,
            spent_cents=a // 4 if n == 0 else 0,
        )
        for p in projects
        for n, (d, a) in enumerate([("Materiaal", 200_000), ("Activiteit", 100_000)])
    )
    agreements = Agreement.objects.bulk_create(
        Agreement(
            project=p,
            number=1,
            terms={},
            proposed_by=initiator,
            initiators_confirmed_at=now,
            initiators_confirmed_by=initiator,
            district_confirmed_at=now,
            district_confirmed_by=official,
            in_force_at=now,
        )
        for p in projects
    )
    today = timezone.localdate()
    Milestone.objects.bulk_create(
        Milestone(
            project=a.project,
            agreement=a,
            key=key,
            title=title,
            planned_on=today + timedelta(days=days),
            reached_at=now if key == 1 else None,
        )
        for a in agreements
        for key, title, days in [
            (1, "Materiaal besteld", -30),
            (2, "Eerste activiteit", -3),
            (3, "Afronding", 60),
        ]
    )
    first_lines = lines[::2]
    Payment.objects.bulk_create(
        Payment(
            edition=edition,
            project=line.project,
            line=line,
            amount_cents=line.paid_cents,
            paid_on=today,
            reference=f"FIN-{start + i:05d}",
            recorded_by=official,
        )
        for i, line in enumerate(first_lines)
    )
    Expense.objects.bulk_create(
        Expense(
            project=line.project,
            line=line,
            amount_cents=line.spent_cents,
            spent_on=today,
            description="Verf en kwasten",
            receipt=f"execution/receipts/bon-{start + i}.pdf",
            receipt_kind=ReceiptKind.PDF,
            reported_by=initiator,
        )
        for i, line in enumerate(first_lines)
    )
    Blocker.objects.bulk_create(
        Blocker(
            project=p,
            category=BlockerCategory.PERMIT,
            description="De vergunning liet op zich wachten.",
            side=AuthorSide.INITIATORS,
            opened_by=initiator,
            opened_at=now - timedelta(days=20),
            resolved_by=official,
            resolved_at=now - timedelta(days=10),
            resolution="Samen met de vergunningverlener opgelost.",
        )
        for p in projects
    )
    return projects


def add_updates(*, projects: list[Project], author: User, per_project: int) -> None:
    """``per_project`` updates on each project, every fifth with a photo and every tenth hidden."""
    now = timezone.now()
    updates = Update.objects.bulk_create(
        Update(
            project=p,
            author=author,
            side=AuthorSide.INITIATORS,
            body=f"Update {n} van {p.pk}: we zijn weer een stap verder.",
            progress_percent=min(100, n * 5),
            posted_at=now - timedelta(hours=n),
            hidden_at=now if n % 10 == 9 else None,
            hidden_by=author if n % 10 == 9 else None,
            hidden_reason="Bevat een telefoonnummer." if n % 10 == 9 else "",
        )
        for p in projects
        for n in range(per_project)
    )
    UpdatePhoto.objects.bulk_create(
        UpdatePhoto(
            update=u, image=f"execution/updates/foto-{u.pk}.jpg", width=800, height=600, alt_text="Foto"
        )
        for i, u in enumerate(updates)
        if i % 5 == 0
    )
