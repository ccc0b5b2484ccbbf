"""A demo project's agreement: proposed by the initiators, confirmed by the district, the advance
paid; and a later version that moves a milestone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from accounts.models import User
from execution.agreements.services import confirm_agreement, decline_agreement, propose_agreement
from execution.agreements.terms import MilestoneTerm, PaymentTerm
from execution.ledger.services.payments import record_payment
from execution.models import (
    Agreement,
    PaymentKind,
    Project,
    ProjectLine,
    ScheduledPayment,
)

from ...content.execution import (
    MilestoneSpec,
    ProjectStory,
)
from .clock import Clock, fresh, live_milestones

CONDITIONS = "Foto's en bonnen van alle uitgaven komen in het project; wijzigingen overleggen we eerst."


def agree(
    story: ProjectStory,
    *,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    official: User,
    clock: Clock,
) -> None:
    """The initiators propose the plan of work three days before the district confirms it; the advance
    is paid two days after."""
    agreed = story.agreed_day or 0
    milestones = milestone_terms(story.milestones, lines, clock)
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


def milestone_terms(
    specs: Sequence[MilestoneSpec], lines: Sequence[ProjectLine], clock: Clock, *, keys: Sequence[int] = ()
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


def change(
    story: ProjectStory,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    official: User,
    clock: Clock,
) -> None:
    """A later version of the agreement: a milestone moves; the initiators propose, the district
    accepts (after declining a first proposal, where the story says so)."""
    assert story.change is not None
    day, reason, moved, new_day = story.change
    if story.change_declined:
        first = _propose_move(story, project, lines, owner, clock, moved=(moved, new_day - 40), day=day - 6)
        decline_agreement(agreement=first, by=official, reason=story.change_declined, at=clock.day(day - 4))
    proposal = _propose_move(
        story, project, lines, owner, clock, moved=(moved, new_day), day=day, reason=reason
    )
    confirm_agreement(
        agreement=proposal,
        by=official,
        acceptance_reason="Akkoord: zonder bodemonderzoek mag er niet gegraven worden.",
        at=clock.day(day + 3),
    )


def _propose_move(
    story: ProjectStory,
    project: Project,
    lines: Sequence[ProjectLine],
    owner: User,
    clock: Clock,
    *,
    moved: tuple[int, int],
    day: int,
    reason: str = "",
) -> Agreement:
    """The version in force with milestone ``moved[0]`` planned on day ``moved[1]``, proposed on ``day``."""
    live = live_milestones(project)
    specs = [
        MilestoneSpec(m.title, moved[1] if index == moved[0] else m.day, m.share, m.reached_day)
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
    return propose_agreement(
        project=fresh(project),
        by=owner,
        milestones=milestone_terms(specs, lines, clock, keys=[m.key for m in live]),
        payments=payments,
        conditions=in_force.conditions,
        change_reason=reason or story.change_first_reason,
        at=clock.day(day),
    )
