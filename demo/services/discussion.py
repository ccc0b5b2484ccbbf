"""Support and discussion of the demo plans: revisions, co-initiators, likes, comments and reports."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from accounts.models import Role, User
from editions.models import Edition
from editions.phases import PhaseKind
from proposals.models import (
    CoInitiator,
    CoInitiatorStatus,
    Comment,
    CommentReport,
    Like,
    Plan,
    PlanRevision,
    PlanStatus,
)
from proposals.selectors.revisions import changed_fields, snapshot_of
from proposals.services.comments import author_role_for

from ..content.accounts import staff
from ..content.specs import CommentSpec, EditSpec, PlanActivitySpec
from ._common import audit_once, between, waking


def load_discussion(
    *,
    edition: Edition,
    activity: Sequence[PlanActivitySpec],
    users: dict[str, User],
    residents: Sequence[User],
    edited_in_review: Collection[str],
    now: datetime,
) -> None:
    """Revision 1 for every submitted plan, then each plan's co-initiators, edit, likes and comments.

    Plans edited in answer to a reviewer (``edited_in_review``) get their revisions from the review loader.
    """
    plans = {plan.title: plan for plan in edition.plans.select_related("initiator", "theme", "neighbourhood")}
    edits = {spec.plan_title: spec.edit for spec in activity if spec.edit is not None}
    for plan in plans.values():
        if plan.status == PlanStatus.DRAFT or plan.title in edited_in_review:
            continue
        edit = edits.get(plan.title)
        edited_at = None if edit is None else between(_submitted(plan), _edit_end(edition, now), edit.at)
        save_revisions(plan=plan, edit=edit, edited_at=edited_at)
    moderator = users[staff(Role.OFFICIAL, edition.district.slug)]
    support = next((p for p in edition.phases.all() if p.kind == PhaseKind.SUPPORT), None)
    for index, spec in enumerate(activity):
        plan = plans[spec.plan_title]
        co_initiators = [_load_co_initiator(plan=plan, user=users[email]) for email in spec.co_initiators]
        if spec.likes:
            if support is None:
                raise ValueError(f"{edition.slug} has no support phase for the likes of “{plan.title}”")
            likers = [
                user for user in residents if user.pk != plan.initiator_id and user not in co_initiators
            ]
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


def save_revisions(*, plan: Plan, edit: EditSpec | None, edited_at: datetime | None) -> None:
    """Revision 1 as submitted (before ``edit``) and, if the plan was edited, revision 2 as it is now."""
    current = snapshot_of(plan)
    first = current if edit is None else {**current, **_old_values(edit)}
    revisions = [
        PlanRevision(
            plan=plan,
            number=1,
            snapshot=first,
            changed_fields=[],
            note="",
            author=plan.initiator,
            created_at=_submitted(plan),
        )
    ]
    if edit is not None and edited_at is not None:
        revisions.append(
            PlanRevision(
                plan=plan,
                number=2,
                snapshot=current,
                changed_fields=changed_fields(before=first, after=current),
                note=edit.note,
                author=plan.initiator,
                created_at=edited_at,
            )
        )
    PlanRevision.objects.bulk_create(
        revisions,
        update_conflicts=True,
        unique_fields=["plan", "number"],
        update_fields=["snapshot", "changed_fields", "note", "author", "created_at"],
    )


def _old_values(edit: EditSpec) -> dict[str, Any]:
    old: dict[str, Any] = {
        name: value
        for name, value in (
            ("summary", edit.summary),
            ("description", edit.description),
            ("for_whom", edit.for_whom),
        )
        if value is not None
    }
    if edit.cost_lines is not None:
        old["cost_lines"] = [
            {"description": description, "amount_cents": amount} for description, amount in edit.cost_lines
        ]
    return old


def _submitted(plan: Plan) -> datetime:
    assert plan.submitted_at is not None, plan.title
    return plan.submitted_at


def _edit_end(edition: Edition, now: datetime) -> datetime:
    """Initiators edit a submitted plan during the plans phase and, if there is one, the support phase."""
    phases = {p.kind: p for p in edition.phases.all()}
    last = phases.get(PhaseKind.SUPPORT) or phases[PhaseKind.PLANS]
    return min(last.ends_at, now)


def _load_co_initiator(*, plan: Plan, user: User) -> User:
    """An accepted invitation, sent and answered while the plan was being written."""
    invited_at = between(plan.created_at, _submitted(plan), 0.4)
    CoInitiator.objects.update_or_create(
        plan=plan,
        email=user.email,
        defaults={
            "user": user,
            "invited_by": plan.initiator,
            "status": CoInitiatorStatus.ACCEPTED,
            "invited_at": invited_at,
            "answered_at": between(invited_at, _submitted(plan), 0.5),
        },
    )
    return user


def _load_likes(*, plan: Plan, likers: Sequence[User], count: int, start: datetime, end: datetime) -> None:
    if count > len(likers):
        raise ValueError(f"“{plan.title}” wants {count} likes but only {len(likers)} residents may like it")
    # One upsert: the likes are most of the demo's rows, and loading must stay quick.
    Like.objects.bulk_create(
        [
            Like(plan=plan, user=user, created_at=between(start, end, (i + 0.5) / count))
            for i, user in enumerate(likers[:count])
        ],
        update_conflicts=True,
        unique_fields=["plan", "user"],
        update_fields=["created_at"],
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
    """The comment (dated ``spec.at`` of the way from ``start`` to ``end``), its reports and replies."""
    at = waking(between(start, end, spec.at), latest=end)
    author = users[spec.author_email]
    hidden_at = waking(between(at, end, 0.3), latest=end) if spec.hidden_reason else None
    comment, _ = Comment.objects.update_or_create(
        plan=plan,
        author=author,
        parent=parent,
        body=spec.body,
        defaults={
            "author_role": author_role_for(plan=plan, user=author),
            "created_at": at,
            "hidden_at": hidden_at,
            "hidden_by": moderator if hidden_at else None,
            "hidden_reason": spec.hidden_reason,
        },
    )
    reported_until = hidden_at or end
    for i, (email, reason) in enumerate(spec.reports, start=1):
        CommentReport.objects.update_or_create(
            comment=comment,
            reporter=users[email],
            defaults={
                "reason": reason,
                "created_at": between(at, reported_until, i / (len(spec.reports) + 1)),
                "resolved_at": hidden_at,
            },
        )
    if hidden_at is not None:
        audit_once(
            actor=moderator,
            action="comment.hide",
            target=comment,
            edition=plan.edition,
            at=hidden_at,
            before={"hidden": False, "open_reports": len(spec.reports)},
            after={"hidden": True, "reason": spec.hidden_reason, "open_reports": 0},
        )
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
