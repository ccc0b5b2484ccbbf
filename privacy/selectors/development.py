"""A resident's part of the development track, for the download of "your data": ideas, support,
joining, comments, plan workshops and the coaching logs they wrote in."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from development.models import CoachingNote, Idea, IdeaComment, IdeaMember, IdeaSupport, WorkshopSignUp

from .values import when


def ideas_of(user: User) -> list[dict[str, Any]]:
    return [
        {
            "id": idea.pk,
            "edition": idea.edition.name,
            "title": idea.title,
            "text": idea.text,
            "neighbourhood": idea.neighbourhood.name,
            "needs": idea.needs,
            "needs_note": idea.needs_note,
            "public_name": idea.public_name,
            "posted": when(idea.created_at),
            "became_plan": idea.plan_id,
        }
        for idea in Idea.objects.filter(initiator=user).select_related("edition", "neighbourhood")
    ]


def idea_activity_of(user: User) -> dict[str, list[dict[str, Any]]]:
    """What the resident did on ideas: support, joining, comments; workshops; coaching log entries."""
    return {
        "supported": [
            {"idea": row.idea.title, "at": when(row.created_at)}
            for row in IdeaSupport.objects.filter(user=user).select_related("idea")
        ],
        "joined": [
            {
                "idea": row.idea.title,
                "role": row.role,
                "offer": row.offer,
                "public_name": row.public_name,
                "status": row.status,
                "asked": when(row.asked_at),
            }
            for row in IdeaMember.objects.filter(user=user).select_related("idea")
        ],
        "comments": [
            {"idea": row.idea.title, "text": row.body, "posted": when(row.created_at)}
            for row in IdeaComment.objects.filter(author=user).select_related("idea")
        ],
        "workshops": [
            {
                "workshop": row.workshop.title,
                "starts": when(row.workshop.starts_at),
                "signed_up": when(row.signed_up_at),
                "cancelled": when(row.cancelled_at),
                "attended": row.attended,
            }
            for row in WorkshopSignUp.objects.filter(user=user).select_related("workshop")
        ],
        "coaching_log": [
            {"kind": row.kind, "text": row.body, "written": when(row.created_at)}
            for row in CoachingNote.objects.filter(author=user)
        ],
    }
