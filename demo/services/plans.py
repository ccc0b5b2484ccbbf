"""The demo plans, written by their initiators through the plan services at the demo's moments.

Each plan is started as a draft, filled in, joined by its co-initiators and (unless it stays a
draft) submitted. A plan that is already there as the demo made it is left alone, so a second load
adds nothing; one changed by hand since (another status, other cost lines) is put back as it was
(``proposals.services.resetting.reset_plan``: no other service undoes a withdrawal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from accounts.models import User
from editions.models import Edition
from editions.phases import Action
from execution.models import Project
from proposals.models import Plan, PlanStatus
from proposals.services.co_initiators import answer_invitation, invite_co_initiator
from proposals.services.resetting import reset_plan
from proposals.services.submission import CostLineInput, save_draft, start_draft, submit_plan

from ..content.specs import EditSpec, PlanActivitySpec, PlanSpec
from ..content.translations import PLAN_TEXTS
from ._common import between, phase_so_far
from .translations import offered

# A vote selects its winners from the plans with these statuses.
CHOSEN_FROM = frozenset({PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED})


def load_plans(
    *,
    edition: Edition,
    plans: Sequence[PlanSpec],
    activity: Sequence[PlanActivitySpec],
    edits: Mapping[str, EditSpec],
    users: dict[str, User],
    now: datetime,
) -> list[Plan]:
    """Make the edition's demo plans that are not there as the demo made them; returns those made now.

    ``edits`` holds, by title, the edit each plan gets after submission: it is written as it was
    before that edit, and the edit is made later (by ``discussion`` or, answering a reviewer, by
    ``reviews``).
    """
    existing = {plan.title: plan for plan in edition.plans.prefetch_related("cost_lines")}
    co_initiators = {spec.plan_title: spec.co_initiators for spec in activity}
    start, end = phase_so_far(edition, Action.SUBMIT_PLAN, now=now)
    made: list[Plan] = []
    for created_at, submitted_at, spec in _plan_moments(plans, start=start, end=end):
        plan = existing.get(spec.title)
        if plan is not None:
            if not _as_made(plan, spec):
                reset_plan(
                    plan=plan, status=PlanStatus(spec.status), cost_lines=cost_line_inputs(spec.cost_lines)
                )
            continue
        plan = _write_plan(
            edition=edition,
            spec=spec,
            before_edit=edits.get(spec.title),
            co_initiators=[users[email] for email in co_initiators.get(spec.title, ())],
            initiator=users[spec.initiator_email],
            created_at=created_at,
            submitted_at=submitted_at,
        )
        # The plans share the loaded edition, whose phases are read once (``set_up_edition``
        # prefetches them), so the services' permission checks on them read no phases again.
        plan.edition = edition
        made.append(plan)
    return made


def _as_made(plan: Plan, spec: PlanSpec) -> bool:
    """Whether the plan has the demo's cost lines and status (or was selected by the demo's vote)."""
    lines = [(line.description, line.amount_cents) for line in plan.cost_lines.all()]
    selected = plan.status == PlanStatus.SELECTED and spec.status in CHOSEN_FROM
    # A chosen plan's status follows its project from then on (demo.services.execution).
    carried_out = Project.objects.filter(plan=plan).exists()
    return (plan.status == spec.status or selected or carried_out) and lines == list(spec.cost_lines)


def _write_plan(
    *,
    edition: Edition,
    spec: PlanSpec,
    before_edit: EditSpec | None,
    co_initiators: Sequence[User],
    initiator: User,
    created_at: datetime,
    submitted_at: datetime,
) -> Plan:
    """Draft, details and cost lines, co-initiators invited and accepting, then submission."""
    content = content_before(spec, before_edit)
    plan = start_draft(
        edition=edition,
        initiator=initiator,
        title=spec.title,
        theme=edition.themes.get(slug=spec.theme_slug),
        summary=content["summary"],
        description=content["description"],
        translations=offered(PLAN_TEXTS.get(spec.title)),
        at=created_at,
    )
    neighbourhood = (
        None
        if spec.neighbourhood_slug is None
        else edition.district.neighbourhoods.get(slug=spec.neighbourhood_slug)
    )
    plan = save_draft(
        plan=plan,
        by=initiator,
        fields={
            "neighbourhood": neighbourhood,
            "for_whom": content["for_whom"],
            "address": spec.address,
            "latitude": spec.point[0] if spec.point else None,
            "longitude": spec.point[1] if spec.point else None,
            "public_name": spec.public_name,
        },
        cost_lines=cost_line_inputs(content["cost_lines"]),
        at=created_at,
    )
    for user in co_initiators:
        invited_at = between(created_at, submitted_at, 0.4)
        invitation = invite_co_initiator(plan=plan, by=initiator, email=user.email, at=invited_at)
        answer_invitation(
            invitation=invitation, user=user, accept=True, at=between(invited_at, submitted_at, 0.5)
        )
    if spec.status != PlanStatus.DRAFT:
        plan = submit_plan(plan=plan, by=initiator, age_confirmed=True, at=submitted_at)
    return plan


def content_before(spec: PlanSpec, edit: EditSpec | None) -> dict[str, Any]:
    """The plan's texts and cost lines before ``edit`` (as they are now when there is none)."""
    content: dict[str, Any] = {
        "summary": spec.summary,
        "description": spec.description,
        "for_whom": spec.for_whom,
        "cost_lines": spec.cost_lines,
    }
    if edit is not None:
        for name in content:
            old = getattr(edit, name)
            if old is not None:
                content[name] = old
    return content


def cost_line_inputs(lines: Iterable[tuple[str, int]]) -> list[CostLineInput]:
    return [CostLineInput(description=description, amount_cents=amount) for description, amount in lines]


def _plan_moments(
    plans: Sequence[PlanSpec], *, start: datetime, end: datetime
) -> Iterable[tuple[datetime, datetime, PlanSpec]]:
    """Spread the plans' creation over the plans phase (up to ``end``); each is submitted a little later."""
    step = (end - start) / (len(plans) + 1)
    for index, plan in enumerate(plans, start=1):
        created_at = (start + step * index).replace(second=0, microsecond=0)
        yield created_at, (created_at + step / 2).replace(second=0, microsecond=0), plan
