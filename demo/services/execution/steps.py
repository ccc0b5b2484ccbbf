"""The dated steps of a demo project's story after its start: each a call to an execution service."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime

from accounts.models import User
from execution.completion.services import return_final_report, submit_final_report
from execution.ledger.services.expenses import report_expense
from execution.ledger.services.payments import record_payment
from execution.models import (
    Blocker,
    FinalReport,
    HelpRequest,
    PaymentKind,
    Project,
    ProjectLine,
    ProjectStatus,
    ReportDecision,
    ScheduledPayment,
    Update,
)
from execution.obstacles.services import answer_help_request, ask_for_help, record_blocker, resolve_blocker
from execution.progress.services import hide_update, post_update
from execution.progress.status import change_project_status

from ...content.execution import (
    BlockerSpec,
    HelpSpec,
    MoneySpec,
    ProjectStory,
    ReportSpec,
    UpdateSpec,
)
from ..pictures import draw_receipt
from .agreement import change
from .clock import Clock, fresh, live_milestones, photos

Event = tuple[int, Callable[[], object]]


def events(
    story: ProjectStory,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    official: User,
    clock: Clock,
) -> list[Event]:
    """Every dated step of the story after the start, as (day, the call that takes it)."""
    events: list[Event] = []
    for spec in story.updates:
        posted: list[Update] = []
        events.append((spec.day, _update_step(spec, project, owner, clock, posted)))
        if spec.hidden:
            events.append((spec.day + 1, _hide_step(spec, official, clock, posted)))
    for index, money in enumerate(story.payments):
        events.append((money.day, _payment_step(money, index, project, lines, official, clock)))
    for money in story.expenses:
        events.append((money.day, _expense_step(money, project, lines, owner, clock)))
    for blocker_spec in story.blockers:
        events += _blocker_steps(blocker_spec, project, owner, official, clock)
    for help_spec in story.help:
        events += _help_steps(help_spec, project, owner, official, clock)
    if story.delay is not None:
        events.append(
            (story.delay[0], _status_step(project, ProjectStatus.DELAYED, owner, story.delay, clock))
        )
    if story.change is not None:
        events.append((story.change[0], lambda: change(story, project, lines, owner, official, clock)))
    if story.report is not None:
        report = story.report
        events.append((report.day, lambda: _submit_report(report, project, owner, clock, report.day)))
        if report.returned is not None:
            back, note = report.returned
            events.append((back, lambda: _return_report(project, official, note, clock.day(back, 4))))
            events.append((back + 2, lambda: _submit_report(report, project, owner, clock, back + 2)))
    if story.stop is not None:
        events.append(
            (story.stop[0], _status_step(project, ProjectStatus.STOPPED, official, story.stop, clock))
        )
    return events


def _status_step(
    project: Project, to: ProjectStatus, by: User, when: tuple[int, str], clock: Clock
) -> Callable[[], object]:
    day, reason = when
    return lambda: change_project_status(
        project=fresh(project), to=to, by=by, reason=reason, at=clock.day(day)
    )


def _update_step(
    spec: UpdateSpec, project: Project, owner: User, clock: Clock, posted: list[Update]
) -> Callable[[], object]:
    def step() -> object:
        milestone = live_milestones(project)[spec.milestone] if spec.milestone is not None else None
        posted.append(
            post_update(
                project=fresh(project),
                by=owner,
                body=spec.body,
                percent=spec.percent,
                milestone=milestone,
                photos=photos(spec.photos),
                at=clock.day(spec.day, 3),
            )
        )
        return posted[-1]

    return step


def _payment_step(
    money: MoneySpec,
    index: int,
    project: Project,
    lines: Sequence[ProjectLine],
    official: User,
    clock: Clock,
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
    money: MoneySpec, project: Project, lines: Sequence[ProjectLine], owner: User, clock: Clock
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
    spec: BlockerSpec, project: Project, owner: User, official: User, clock: Clock
) -> list[Event]:
    found: list[Blocker] = []

    def opened() -> object:
        found.append(
            record_blocker(
                project=fresh(project),
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


def _help_steps(spec: HelpSpec, project: Project, owner: User, official: User, clock: Clock) -> list[Event]:
    asked: list[HelpRequest] = []

    def ask() -> object:
        asked.append(
            ask_for_help(project=fresh(project), by=owner, question=spec.question, at=clock.day(spec.day, 1))
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


def _hide_step(spec: UpdateSpec, official: User, clock: Clock, posted: list[Update]) -> Callable[[], object]:
    return lambda: hide_update(
        update=posted[-1], moderator=official, reason=spec.hidden, at=clock.day(spec.day + 1, 1)
    )


def _return_report(project: Project, official: User, note: str, at: datetime) -> object:
    report = FinalReport.objects.get(project=project, decision=ReportDecision.PENDING)
    return return_final_report(report=report, by=official, note=note, at=at)


def _submit_report(spec: ReportSpec, project: Project, owner: User, clock: Clock, day: int) -> object:
    return submit_final_report(
        project=fresh(project),
        by=owner,
        achieved=spec.achieved,
        participants=spec.participants,
        beneficiaries=spec.beneficiaries,
        photos=photos(spec.photos),
        at=clock.day(day, 2),
    )
