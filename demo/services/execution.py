"""The chosen plans carried out: each demo project's story replayed through the execution services.

Publishing a result opened the projects; here each story (``demo.content.execution``) is told at its
moments, in days after the project opened, up to today: the district's set-up, the agreement and its
change, payments, expenses with receipts, updates with photos, blockers, help requests, the status,
the final report and its acceptance, and who follows what. A project already told (it has a contact
person: the story's first step) is left alone, so loading the demo twice tells nothing twice.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta

from accounts.models import Role, User
from editions.models import Edition
from execution.agreements.services import confirm_agreement, propose_agreement
from execution.agreements.terms import MilestoneTerm, PaymentTerm
from execution.completion.services import PhotoUpload as ReportPhoto
from execution.completion.services import accept_final_report, submit_final_report
from execution.following.services import follow_edition, follow_project
from execution.ledger.services.expenses import report_expense
from execution.ledger.services.payments import record_payment
from execution.models import (
    Blocker,
    FinalReport,
    HelpRequest,
    Milestone,
    PaymentKind,
    Project,
    ProjectLine,
    ProjectStatus,
    ReportDecision,
    ScheduledPayment,
)
from execution.obstacles.services import answer_help_request, ask_for_help, record_blocker, resolve_blocker
from execution.progress.services import PhotoUpload, post_update
from execution.progress.status import change_project_status
from execution.projects.services import set_up_project

from ..content.accounts import staff
from ..content.execution import (
    EDITION_FOLLOWERS,
    STORIES,
    BlockerSpec,
    HelpSpec,
    MilestoneSpec,
    MoneySpec,
    ProjectStory,
    ReportSpec,
    UpdateSpec,
)
from ._common import AMSTERDAM
from .pictures import draw_photo, draw_receipt

CONDITIONS = "Foto's en bonnen van alle uitgaven komen in het project; wijzigingen overleggen we eerst."


class _Clock:
    """A project's story time: day ``n`` is ``n`` days after it opened, at a daytime hour."""

    def __init__(self, project: Project, now: datetime) -> None:
        opened = project.opened_at.astimezone(AMSTERDAM)
        self.start = opened.replace(hour=10, minute=0, second=0, microsecond=0)
        self.now = now

    def day(self, number: int, hour: int = 0) -> datetime:
        return self.start + timedelta(days=number, hours=hour)

    def due(self, number: int | None) -> bool:
        return number is not None and self.day(number) <= self.now


def load_execution(*, edition: Edition, users: Mapping[str, User], now: datetime) -> int:
    """Tell the stories of the edition's projects; the number of projects told this time."""
    stories = {story.plan_title: story for story in STORIES.get(edition.slug, ())}
    official = users[staff(Role.OFFICIAL, edition.district.slug)]
    for email in EDITION_FOLLOWERS.get(edition.slug, ()):
        follow_edition(user=users[email], edition=edition, at=now)
    told = 0
    projects = Project.objects.filter(edition=edition, contact__isnull=True).select_related("plan", "edition")
    for project in projects:
        clock = _Clock(project, now)
        owner = project.plan.initiator
        set_up_project(
            project=project, by=official, contact=official, grantee="", delivery={}, at=clock.day(2)
        )
        story = stories.get(project.plan.title)
        if story is not None:
            _tell(story, project=project, owner=owner, official=official, users=users, clock=clock)
        told += 1
    return told


def _tell(
    story: ProjectStory,
    *,
    project: Project,
    owner: User,
    official: User,
    users: Mapping[str, User],
    clock: _Clock,
) -> None:
    for email in story.followers:
        follow_project(user=users[email], project=project, at=clock.day(3))
    lines = list(ProjectLine.objects.filter(project=project).order_by("position", "pk"))
    if clock.due(story.agreed_day) and story.agreed_day is not None:
        _agree(story, project=project, lines=lines, owner=owner, official=official, clock=clock)
    if story.status not in (ProjectStatus.PREPARING, ProjectStatus.STOPPED) and clock.due(story.started_day):
        change_project_status(
            project=project, to=ProjectStatus.RUNNING, by=owner, at=clock.day(story.started_day)
        )
    for event_day, step in sorted(_events(story, project, lines, owner, official, clock), key=lambda e: e[0]):
        if clock.due(event_day):
            step()
    if story.report is not None and clock.due(story.report.accepted_day):
        submitted = FinalReport.objects.get(project=project, decision=ReportDecision.PENDING)
        accept_final_report(report=submitted, by=official, at=clock.day(story.report.accepted_day))


def _agree(
    story: ProjectStory,
    *,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    official: User,
    clock: _Clock,
) -> None:
    """The initiators propose the plan of work three days before the district confirms it; the advance
    is paid two days after."""
    agreed = story.agreed_day or 0
    milestones = _milestone_terms(story.milestones, lines, clock)
    payments = [
        PaymentTerm(
            kind=PaymentKind.ADVANCE,
            line_id=line.pk,
            amount_cents=line.awarded_cents * story.advance // 100,
            due_on=clock.day(agreed + 2).date(),
        )
        for line in lines
        if story.advance and line.awarded_cents * story.advance // 100 > 0
    ]
    payments += [
        PaymentTerm(
            kind=PaymentKind.INSTALMENT,
            line_id=lines[0].pk,
            amount_cents=lines[0].awarded_cents * spec.share // 100,
            milestone=index,
        )
        for index, spec in enumerate(story.milestones)
        if spec.share
    ]
    proposal = propose_agreement(
        project=project,
        by=owner,
        milestones=milestones,
        payments=payments,
        conditions=CONDITIONS,
        at=clock.day(max(agreed - 3, 1)),
    )
    confirm_agreement(agreement=proposal, by=official, at=clock.day(agreed))
    for scheduled in ScheduledPayment.objects.filter(
        project=project, kind=PaymentKind.ADVANCE, dropped_at=None
    ):
        if clock.due(agreed + 2):
            record_payment(
                line=scheduled.line,
                by=official,
                amount_cents=scheduled.amount_cents,
                paid_on=clock.day(agreed + 2).date(),
                reference=f"BB-{project.pk}-V{scheduled.pk}",
                scheduled=scheduled,
                at=clock.day(agreed + 2, 2),
            )


def _milestone_terms(
    specs: Sequence[MilestoneSpec], lines: Sequence[ProjectLine], clock: _Clock, *, keys: Sequence[int] = ()
) -> list[MilestoneTerm]:
    return [
        MilestoneTerm(
            title=spec.title,
            planned_on=clock.day(spec.day).date(),
            amount_cents=lines[0].awarded_cents * spec.share // 100,
            line_id=lines[0].pk if spec.share else None,
            key=keys[index] if keys else None,
        )
        for index, spec in enumerate(specs)
    ]


Event = tuple[int, Callable[[], object]]


def _events(
    story: ProjectStory,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    official: User,
    clock: _Clock,
) -> list[Event]:
    """Every dated step of the story after the start, as (day, the call that takes it)."""
    events: list[Event] = []
    for spec in story.updates:
        events.append((spec.day, _update_step(spec, project, owner, clock)))
    for index, money in enumerate(story.payments):
        events.append((money.day, _payment_step(money, index, project, lines, official, clock)))
    for money in story.expenses:
        events.append((money.day, _expense_step(money, project, lines, owner, clock)))
    for blocker_spec in story.blockers:
        events += _blocker_steps(blocker_spec, project, owner, official, clock)
    for help_spec in story.help:
        events += _help_steps(help_spec, project, owner, official, clock)
    if story.delay is not None:
        day, reason = story.delay
        events.append(
            (
                day,
                lambda: change_project_status(
                    project=_fresh(project),
                    to=ProjectStatus.DELAYED,
                    by=owner,
                    reason=reason,
                    at=clock.day(day),
                ),
            )
        )
    if story.change is not None:
        events.append((story.change[0], lambda: _change(story, project, lines, owner, official, clock)))
    if story.report is not None:
        report = story.report
        events.append((report.day, lambda: _submit_report(report, project, owner, clock)))
    if story.stop is not None:
        day, reason = story.stop
        events.append(
            (
                day,
                lambda: change_project_status(
                    project=_fresh(project),
                    to=ProjectStatus.STOPPED,
                    by=official,
                    reason=reason,
                    at=clock.day(day),
                ),
            )
        )
    return events


def _fresh(project: Project) -> Project:
    """The project as it is now (an earlier step changed its status or money)."""
    return Project.objects.select_related("plan", "edition").get(pk=project.pk)


def _photos(alts: Sequence[str]) -> list[PhotoUpload]:
    pictures = [draw_photo(alt) for alt in alts]
    return [
        PhotoUpload(file=io.BytesIO(data), size=len(data), alt_text=alt)
        for alt, data in zip(alts, pictures, strict=True)
    ]


def _live_milestones(project: Project) -> list[Milestone]:
    return list(Milestone.objects.filter(project=project, dropped_at=None).order_by("key"))


def _update_step(spec: UpdateSpec, project: Project, owner: User, clock: _Clock) -> Callable[[], object]:
    def step() -> object:
        milestone = _live_milestones(project)[spec.milestone] if spec.milestone is not None else None
        return post_update(
            project=_fresh(project),
            by=owner,
            body=spec.body,
            percent=spec.percent,
            milestone=milestone,
            photos=_photos(spec.photos),
            at=clock.day(spec.day, 3),
        )

    return step


def _payment_step(
    money: MoneySpec,
    index: int,
    project: Project,
    lines: Sequence[ProjectLine],
    official: User,
    clock: _Clock,
) -> Callable[[], object]:
    def step() -> object:
        line = ProjectLine.objects.get(pk=lines[money.line].pk)
        amount = line.awarded_cents * money.share // 100
        scheduled = (
            ScheduledPayment.objects.filter(line=line, dropped_at=None, amount_cents=amount, payments=None)
            .exclude(kind=PaymentKind.ADVANCE)
            .first()
        )
        return record_payment(
            line=line,
            by=official,
            amount_cents=amount,
            paid_on=clock.day(money.day).date(),
            reference=f"BB-{project.pk}-{index + 1:02d}",
            scheduled=scheduled,
            at=clock.day(money.day, 4),
        )

    return step


def _expense_step(
    money: MoneySpec, project: Project, lines: Sequence[ProjectLine], owner: User, clock: _Clock
) -> Callable[[], object]:
    def step() -> object:
        line = ProjectLine.objects.get(pk=lines[money.line].pk)
        amount = line.awarded_cents * money.share // 100
        day = clock.day(money.day)
        receipt = draw_receipt(
            shop="Bouwmarkt Noord" if money.line == 0 else "Verhuur en feest",
            description=money.what,
            amount_cents=amount,
            day=day.strftime("%d-%m-%Y"),
        )
        return report_expense(
            line=line,
            by=owner,
            amount_cents=amount,
            spent_on=day.date(),
            description=money.what,
            receipt=io.BytesIO(receipt),
            receipt_size=len(receipt),
            at=clock.day(money.day, 5),
        )

    return step


def _blocker_steps(
    spec: BlockerSpec, project: Project, owner: User, official: User, clock: _Clock
) -> list[Event]:
    found: list[Blocker] = []

    def opened() -> object:
        found.append(
            record_blocker(
                project=_fresh(project),
                by=owner,
                category=spec.category,
                description=spec.description,
                at=clock.day(spec.day, 1),
            )
        )
        return found[-1]

    steps: list[Event] = [(spec.day, opened)]
    if spec.resolved_day is not None:
        steps.append(
            (
                spec.resolved_day,
                lambda: resolve_blocker(
                    blocker=found[-1],
                    by=official,
                    resolution=spec.resolution,
                    at=clock.day(spec.resolved_day or 0, 2),
                ),
            )
        )
    return steps


def _help_steps(spec: HelpSpec, project: Project, owner: User, official: User, clock: _Clock) -> list[Event]:
    asked: list[HelpRequest] = []

    def ask() -> object:
        asked.append(
            ask_for_help(project=_fresh(project), by=owner, question=spec.question, at=clock.day(spec.day, 1))
        )
        return asked[-1]

    steps: list[Event] = [(spec.day, ask)]
    if spec.answer_day is not None:
        steps.append(
            (
                spec.answer_day,
                lambda: answer_help_request(
                    request=asked[-1], by=official, answer=spec.answer, at=clock.day(spec.answer_day or 0, 3)
                ),
            )
        )
    return steps


def _change(
    story: ProjectStory,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    official: User,
    clock: _Clock,
) -> None:
    """Version 2 of the agreement: a milestone moves; the initiators propose, the district accepts."""
    assert story.change is not None
    day, reason, moved, new_day = story.change
    live = _live_milestones(project)
    specs = [
        MilestoneSpec(m.title, new_day if index == moved else m.day, m.share, m.reached_day)
        for index, m in enumerate(story.milestones)
    ]
    in_force = project.agreements.get(in_force_at__isnull=False, superseded_at=None)
    position = {m.key: index for index, m in enumerate(live)}  # stored terms name milestones by key
    payments = [
        PaymentTerm(
            kind=term["kind"],
            line_id=term["line"],
            amount_cents=term["amount_cents"],
            milestone=position[term["milestone"]] if term.get("milestone") is not None else None,
            due_on=date.fromisoformat(term["due_on"]) if term.get("due_on") else None,
        )
        for term in in_force.terms["payments"]
    ]
    proposal = propose_agreement(
        project=_fresh(project),
        by=owner,
        milestones=_milestone_terms(specs, lines, clock, keys=[m.key for m in live]),
        payments=payments,
        conditions=in_force.conditions,
        change_reason=reason,
        at=clock.day(day),
    )
    confirm_agreement(
        agreement=proposal,
        by=official,
        acceptance_reason="Akkoord: zonder bodemonderzoek mag er niet gegraven worden.",
        at=clock.day(day + 3),
    )


def _submit_report(spec: ReportSpec, project: Project, owner: User, clock: _Clock) -> object:
    return submit_final_report(
        project=_fresh(project),
        by=owner,
        achieved=spec.achieved,
        participants=spec.participants,
        beneficiaries=spec.beneficiaries,
        photos=[ReportPhoto(file=p.file, size=p.size, alt_text=p.alt_text) for p in _photos(spec.photos)],
        at=clock.day(spec.day, 2),
    )
