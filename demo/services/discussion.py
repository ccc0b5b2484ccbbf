"""Support and discussion of the demo plans, through the services: edits, likes, comments and reports."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from accounts.models import Role, User
from editions.models import Edition
from editions.phases import Action
from editions.timeline import phase_opening
from proposals.models import Comment, Plan
from proposals.services.comments import hide_comment, post_comment, report_comment
from proposals.services.submission import edit_submitted_plan
from proposals.services.support import LikeInput, like_plan_by_many

from ..content.accounts import staff
from ..content.specs import CommentSpec, EditSpec, PlanActivitySpec, PlanSpec
from ._common import between, phase_of, waking
from .plans import cost_line_inputs


def load_discussion(
    *,
    edition: Edition,
    plans: Sequence[Plan],
    specs: Sequence[PlanSpec],
    activity: Sequence[PlanActivitySpec],
    users: dict[str, User],
    residents: Sequence[User],
    edited_in_review: Collection[str],
    now: datetime,
) -> None:
    """Each new plan's edit (unless made answering a reviewer), likes and comments.

    ``plans`` are the plans made in this load; the others already have their discussion.
    """
    made = {plan.title: plan for plan in plans}
    by_title = {spec.title: spec for spec in specs}
    moderator = users[staff(Role.OFFICIAL, edition.district.slug)]
    support = phase_opening(edition, Action.SUPPORT_PLAN)
    for index, spec in enumerate(activity):
        plan = made.get(spec.plan_title)
        if plan is None:
            continue
        if spec.edit is not None and plan.title not in edited_in_review:
            edited_at = between(_submitted(plan), _edit_end(edition, now), spec.edit.at)
            make_edit(plan=plan, spec=by_title[plan.title], edit=spec.edit, at=edited_at)
        if spec.likes:
            if support is None:
                raise ValueError(f"{edition.slug} has no support phase for the likes of “{plan.title}”")
            own = {plan.initiator_id, *(users[email].pk for email in spec.co_initiators)}
            likers = [user for user in residents if user.pk not in own]
            _load_likes(
                plan=plan,
                likers=likers[index * 7 % len(likers) :] + likers[: index * 7 % len(likers)],
                count=spec.likes,
                start=support.starts_at,
                end=min(support.ends_at, now),
            )
        for comment in spec.comments:
            _load_comment(
                plan=plan,
                spec=comment,
                parent=None,
                start=_submitted(plan),
                end=now,
                users=users,
                moderator=moderator,
            )


def make_edit(*, plan: Plan, spec: PlanSpec, edit: EditSpec, at: datetime) -> None:
    """The initiator's edit after submission: what ``edit`` names goes back to how the demo has it."""
    fields = {
        name: getattr(spec, name)
        for name in ("summary", "description", "for_whom")
        if getattr(edit, name) is not None
    }
    lines = None if edit.cost_lines is None else cost_line_inputs(spec.cost_lines)
    edit_submitted_plan(plan=plan, by=plan.initiator, fields=fields, cost_lines=lines, note=edit.note, at=at)


def _submitted(plan: Plan) -> datetime:
    assert plan.submitted_at is not None, plan.title
    return plan.submitted_at


def _edit_end(edition: Edition, now: datetime) -> datetime:
    """Initiators edit a submitted plan during the plans phase and, if there is one, the support phase."""
    return min(phase_of(edition, Action.EDIT_OWN_PLAN, last=True).ends_at, now)


def _load_likes(*, plan: Plan, likers: Sequence[User], count: int, start: datetime, end: datetime) -> None:
    if count > len(likers):
        raise ValueError(f"“{plan.title}” wants {count} likes but only {len(likers)} residents may like it")
    # One service call for all: the likes are most of the demo's rows, and loading must stay quick.
    like_plan_by_many(
        plan=plan,
        likes=[
            LikeInput(user=user, at=between(start, end, (i + 0.5) / count))
            for i, user in enumerate(likers[:count])
        ],
    )


def _load_comment(
    *,
    plan: Plan,
    spec: CommentSpec,
    parent: Comment | None,
    start: datetime,
    end: datetime,
    users: dict[str, User],
    moderator: User,
) -> None:
    """The comment (posted ``spec.at`` of the way from ``start`` to ``end``), its reports and replies."""
    at = waking(between(start, end, spec.at), latest=end)
    comment = post_comment(plan=plan, author=users[spec.author_email], body=spec.body, parent=parent, at=at)
    hidden_at = waking(between(at, end, 0.3), latest=end) if spec.hidden_reason else None
    reported_until = hidden_at or end
    for i, (email, reason) in enumerate(spec.reports, start=1):
        reported_at = between(at, reported_until, i / (len(spec.reports) + 1))
        report_comment(comment=comment, reporter=users[email], reason=reason, at=reported_at)
    if hidden_at is not None:
        hide_comment(comment=comment, moderator=moderator, reason=spec.hidden_reason, at=hidden_at)
    for reply in spec.replies:
        _load_comment(
            plan=plan,
            spec=reply,
            parent=comment,
            start=at + timedelta(minutes=1),
            end=end,
            users=users,
            moderator=moderator,
        )
