"""Two districts with one row of every admin model each, and someone in every role to try them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from accounts.models import Role, StaffRole, User
from audit.models import AuditEntry
from audit.services import record
from deliberation.models import Draw, PanelMember
from deliberation.models.panel import DrawStatus
from editions.models import Edition
from places.models import District, HelpDesk, HelpLocation, Municipality, Neighbourhood, PostcodeArea
from proposals.models import Plan

from .. import factories

STAFF_ROLES: tuple[Role, ...] = tuple(Role)
# Everyone the matrix tries: a staff role held in the "own" district (with access to the admin),
# staff without any role, a resident, and a superuser.
ACTORS: tuple[str, ...] = (*STAFF_ROLES, "staff_without_role", "resident", "superuser")


@dataclass(frozen=True)
class Side:
    """One district and its rows."""

    municipality: Municipality
    district: District
    neighbourhood: Neighbourhood
    edition: Edition
    plan: Plan
    initiator: User
    staff: dict[Role, User]
    staff_role: StaffRole
    audit_entry: AuditEntry
    draw: Draw
    member: PanelMember
    execution: dict[str, models.Model]


@dataclass(frozen=True)
class World:
    own: Side
    other: Side
    actors: dict[str, User]
    group: models.Model
    task: models.Model
    job_run: models.Model
    heartbeat: models.Model

    def side(self, name: str) -> Side:
        return self.own if name == "own" else self.other


def _side(name: str) -> Side:
    municipality = factories.make_municipality(slug=f"gemeente-{name}", name=f"Gemeente {name}")
    district = factories.make_district(name=f"Stadsdeel {name}", municipality=municipality)
    neighbourhood = factories.make_neighbourhood(district=district, name=f"Buurt {name}")
    edition = factories.make_edition(district=district, name=f"Buurtbudget {name}")
    initiator = factories.make_user(email=f"initiatiefnemer.{name}@example.org")
    plan = factories.make_plan(edition=edition, initiator=initiator, neighbourhood=neighbourhood)
    staff = {role: factories.make_staff(role=role, district=district, is_staff=True) for role in STAFF_ROLES}
    entry = record(actor=staff[Role.OFFICIAL], action="test.entry", target=edition, edition=edition)
    draw = Draw.objects.create(
        edition=edition,
        status=DrawStatus.DONE,
        seed=7,
        algorithm="maximin",
        panel_size=1,
        library_version="test",
        drawn_by=staff[Role.FACILITATOR],
    )
    member = PanelMember.objects.create(draw=draw, pool_id="P0001")
    execution = _execution_rows(edition, initiator, staff[Role.OFFICIAL])
    return Side(
        municipality=municipality,
        district=district,
        neighbourhood=neighbourhood,
        edition=edition,
        plan=plan,
        initiator=initiator,
        staff=staff,
        staff_role=StaffRole.objects.get(user=staff[Role.OFFICIAL]),
        audit_entry=entry,
        draw=draw,
        member=member,
        execution=execution,
    )


def _execution_rows(edition: Edition, initiator: User, official: User) -> dict[str, models.Model]:
    """A project in ``edition`` with one row of every execution model, by the model's label."""
    from execution import models as ex
    from tests.execution.bulk import add_projects, add_updates

    if not edition.themes.exists():
        factories.make_theme(edition=edition)
    [project] = add_projects(edition=edition, initiator=initiator, official=official, count=1)
    add_updates(projects=[project], author=initiator, per_project=1)
    now = timezone.now()
    line = project.lines.order_by("pk")[0]
    agreement = project.agreements.get()
    update = project.updates.get()
    report = ex.FinalReport.objects.create(
        project=project,
        achieved="Een groene straat.",
        participants=12,
        beneficiaries=300,
        submitted_by=initiator,
    )
    rows: dict[str, models.Model] = {
        "execution.project": project,
        "execution.agreement": agreement,
        "execution.payment": project.payments.get(),
        "execution.expense": project.expenses.get(),
        "execution.ledgerdecision": ex.LedgerDecision.objects.create(
            project=project,
            kind="top_up",
            to_line=line,
            amount_cents=100,
            reason="Extra",
            decided_by=official,
        ),
        "execution.update": update,
        "execution.statuschange": ex.StatusChange.objects.create(
            project=project, from_status="preparing", to_status="running", changed_by=official
        ),
        "execution.blocker": project.blockers.get(),
        "execution.helprequest": ex.HelpRequest.objects.create(
            project=project, question="Wie helpt?", asked_by=initiator
        ),
        "execution.reminder": ex.Reminder.objects.create(
            project=project, kind="update_due", due_on=now.date(), sent_at=now
        ),
        "execution.finalreport": report,
    }
    ex.ScheduledPayment.objects.create(
        project=project, agreement=agreement, kind="advance", line=line, amount_cents=100
    )
    ex.FinalReportPhoto.objects.create(report=report, image="execution/reports/x.jpg", alt_text="Foto")
    return rows


def make_world() -> World:
    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from operations.models import Heartbeat, HeartbeatRole, JobRun

    own, other = _side("eigen"), _side("ander")
    actors: dict[str, User] = {str(role): own.staff[role] for role in STAFF_ROLES}
    actors["staff_without_role"] = factories.make_user(is_staff=True)
    actors["resident"] = own.initiator
    actors["superuser"] = factories.make_user(is_staff=True, is_superuser=True)
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="notifications.tasks.send",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    job_run = JobRun.objects.create(job="recover_counts", slot=timezone.now(), node="node0", status="done")
    heartbeat = Heartbeat.objects.create(role=HeartbeatRole.WORKER, node="node0", instance="node0-1-a")
    return World(
        own=own,
        other=other,
        actors=actors,
        group=Group.objects.create(name="Groep"),
        task=task,
        job_run=job_run,
        heartbeat=heartbeat,
    )


def _evaluation_row(label: str, side: Side) -> models.Model:
    """The side's one row of an evaluation model (made on first use)."""
    from evaluation.models import EditionEvidence, Lesson, ProcessCost

    official = side.staff[Role.OFFICIAL]
    if label == "evaluation.lesson":
        return Lesson.objects.get_or_create(
            edition=side.edition,
            defaults={"finding": "Weinig opkomst", "recommendation": "Meer brieven", "created_by": official},
        )[0]
    if label == "evaluation.processcost":
        # Read back, so the row holds what the database does (hours "0.0", not Decimal(0)).
        ProcessCost.objects.get_or_create(
            edition=side.edition,
            defaults={"description": "Drukwerk", "amount_cents": 100, "entered_by": official},
        )
        return ProcessCost.objects.get(edition=side.edition)
    return EditionEvidence.objects.get_or_create(edition=side.edition, defaults={"version": 1, "data": {}})[0]


def _coaching_row(label: str, side: Side) -> models.Model:
    """The side's partner (with a coach) or coaching of its plan (with a step), made on first use."""
    from development.models import Coaching, CoachingStep, Partner, PartnerCoach

    official = side.staff[Role.OFFICIAL]
    partner, _ = Partner.objects.get_or_create(
        district=side.district, name="Buurthuis", defaults={"named_by": official}
    )
    PartnerCoach.objects.get_or_create(partner=partner, user=side.initiator, defaults={"added_by": official})
    if label == "development.partner":
        return partner
    coaching, _ = Coaching.objects.get_or_create(
        plan=side.plan, defaults={"coach": official, "assigned_by": official}
    )
    CoachingStep.objects.get_or_create(coaching=coaching, step="cost_checked", defaults={"done_by": official})
    return coaching


def _development_row(label: str, side: Side) -> models.Model:
    """The side's idea, plan workshop (with a sign-up) or pre-check of its plan, made on first use."""
    from development.models import Idea, Workshop, WorkshopSignUp
    from review.models import PreCheck

    official = side.staff[Role.OFFICIAL]
    now = timezone.now()
    if label == "development.idea":
        return Idea.objects.get_or_create(
            edition=side.edition,
            title="Moestuin",
            defaults={
                "text": "Een moestuin op het plein.",
                "neighbourhood": side.neighbourhood,
                "initiator": side.initiator,
                "public_name": "Bewoner",
            },
        )[0]
    if label == "development.workshop":
        workshop = Workshop.objects.get_or_create(
            edition=side.edition,
            title="Van idee naar plan",
            defaults={
                "starts_at": now,
                "ends_at": now + timedelta(hours=2),
                "place": "Buurthuis",
                "language": "nl",
                "capacity": 10,
                "announced_by": official,
            },
        )[0]
        WorkshopSignUp.objects.get_or_create(workshop=workshop, user=side.initiator)
        return workshop
    return PreCheck.objects.get_or_create(
        plan=side.plan, defaults={"asked_by": side.initiator, "due_at": now + timedelta(days=10)}
    )[0]


# The row of each registered model in a side's district (or the one row of a model without districts).
ROWS: dict[str, Any] = {
    "auth.group": lambda world, side: world.group,
    "django_tasks_database.dbtaskresult": lambda world, side: world.task,
    "operations.jobrun": lambda world, side: world.job_run,
    "operations.heartbeat": lambda world, side: world.heartbeat,
    "accounts.user": lambda world, side: side.initiator,
    "accounts.staffrole": lambda world, side: side.staff_role,
    "places.municipality": lambda world, side: side.municipality,
    "places.district": lambda world, side: side.district,
    "places.neighbourhood": lambda world, side: side.neighbourhood,
    "places.helpdesk": lambda world, side: HelpDesk.objects.get_or_create(
        district=side.district,
        defaults={"address": "Plein 1", "phone": "020 123 4567", "opening_hours": "ma"},
    )[0],
    "places.helplocation": lambda world, side: HelpLocation.objects.get_or_create(
        district=side.district, name="Buurthuis", defaults={"address": "Straat 2"}
    )[0],
    "places.postcodearea": lambda world, side: PostcodeArea.objects.get_or_create(
        district=side.district, postcode="1068 AB", neighbourhood=side.neighbourhood
    )[0],
    "audit.auditentry": lambda world, side: side.audit_entry,
    "proposals.plan": lambda world, side: side.plan,
    "editions.edition": lambda world, side: side.edition,
    "deliberation.draw": lambda world, side: side.draw,
    "deliberation.panelmember": lambda world, side: side.member,
    **{
        label: (lambda world, side, label=label: side.execution[label])
        for label in (
            "execution.project",
            "execution.agreement",
            "execution.payment",
            "execution.expense",
            "execution.ledgerdecision",
            "execution.update",
            "execution.statuschange",
            "execution.blocker",
            "execution.helprequest",
            "execution.reminder",
            "execution.finalreport",
        )
    },
    **{
        label: (lambda world, side, label=label: _coaching_row(label, side))
        for label in ("development.partner", "development.coaching")
    },
    **{
        label: (lambda world, side, label=label: _development_row(label, side))
        for label in ("development.idea", "development.workshop", "review.precheck")
    },
    **{
        label: (lambda world, side, label=label: _evaluation_row(label, side))
        for label in ("evaluation.lesson", "evaluation.processcost", "evaluation.editionevidence")
    },
}
