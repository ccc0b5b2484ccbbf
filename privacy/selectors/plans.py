"""A resident's rows in proposals: their plans, co-initiatorships, likes, comments and reports."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from proposals.models import CoInitiator, Comment, CommentReport, Like, Plan

from .values import when


def plans_of(user: User) -> list[dict[str, Any]]:
    plans = (
        Plan.objects.filter(initiator=user)
        .select_related("edition", "theme", "neighbourhood")
        .prefetch_related("cost_lines", "images", "revisions")
        .order_by("pk")
    )
    return [_plan(plan) for plan in plans]


def _plan(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "edition": plan.edition.name,
        "title": plan.title,
        "summary": plan.summary,
        "description": plan.description,
        "for_whom": plan.for_whom,
        "theme": plan.theme.name,
        "neighbourhood": plan.neighbourhood.name if plan.neighbourhood else None,
        "address": plan.address,
        "latitude": str(plan.latitude) if plan.latitude is not None else None,
        "longitude": str(plan.longitude) if plan.longitude is not None else None,
        "public_name": plan.public_name,
        "status": plan.status,
        "created_at": when(plan.created_at),
        "submitted_at": when(plan.submitted_at),
        "cost_lines": [
            {"description": line.description, "amount_cents": line.amount_cents}
            for line in plan.cost_lines.all()
        ],
        "images": [{"file": image.image.name, "alt_text": image.alt_text} for image in plan.images.all()],
        "revisions": [
            {
                "number": revision.number,
                "created_at": when(revision.created_at),
                "changed_fields": revision.changed_fields,
                "note": revision.note,
                "content": revision.snapshot,
            }
            for revision in plan.revisions.all()
        ],
    }


def co_initiatorships_of(user: User) -> list[dict[str, Any]]:
    rows = CoInitiator.objects.filter(user=user).select_related("plan").order_by("pk")
    return [
        {
            "plan": row.plan_id,
            "plan_title": row.plan.title,
            "status": row.status,
            "invited_at": when(row.invited_at),
            "answered_at": when(row.answered_at),
        }
        for row in rows
    ]


def likes_of(user: User) -> list[dict[str, Any]]:
    rows = Like.objects.filter(user=user).select_related("plan").order_by("created_at")
    return [{"plan": row.plan_id, "plan_title": row.plan.title, "at": when(row.created_at)} for row in rows]


def comments_of(user: User) -> list[dict[str, Any]]:
    rows = Comment.objects.filter(author=user).order_by("created_at")
    return [
        {
            "plan": row.plan_id,
            "comment": row.body,
            "posted_at": when(row.created_at),
            "as": row.author_role,
            "hidden_at": when(row.hidden_at),
        }
        for row in rows
    ]


def reports_of(user: User) -> list[dict[str, Any]]:
    rows = CommentReport.objects.filter(reporter=user).order_by("created_at")
    return [
        {"comment": row.comment_id, "reason": row.reason, "reported_at": when(row.created_at)} for row in rows
    ]
