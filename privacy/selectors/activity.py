"""A resident's rows in execution, notifications, the panel and the surveys."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from deliberation.models import PanelMember, Respondent
from evaluation.models import Survey, SurveyTicket
from evaluation.surveys.holders import holder_hash, user_holder
from execution.models import Expense, Follow, HelpRequest, ProjectOwner, Update
from notifications.models import Notification

from .values import when


def follows_of(user: User) -> list[dict[str, Any]]:
    rows = Follow.objects.filter(user=user).order_by("created_at")
    return [
        {"project": row.project_id, "edition": row.edition_id, "since": when(row.created_at)} for row in rows
    ]


def notifications_of(user: User) -> list[dict[str, Any]]:
    rows = Notification.objects.filter(recipient=user).order_by("created_at")
    return [
        {
            "kind": row.kind,
            "details": row.params,
            "link": row.url,
            "created_at": when(row.created_at),
            "read_at": when(row.read_at),
            "emailed_at": when(row.emailed_at),
        }
        for row in rows
    ]


def projects_of(user: User) -> list[dict[str, Any]]:
    """The projects the resident carries out, with what they wrote and spent (not other people's)."""
    owned = ProjectOwner.objects.filter(user=user).select_related("project__plan").order_by("pk")
    updates = Update.objects.filter(author=user).order_by("posted_at")
    expenses = Expense.objects.filter(reported_by=user).order_by("spent_on")
    questions = HelpRequest.objects.filter(asked_by=user).order_by("asked_at")
    return [
        {
            "project": row.project_id,
            "title": row.project.plan.title,
            "status": row.project.status,
            "owner_since": when(row.added_at),
            "updates": [
                {"text": u.body, "posted_at": when(u.posted_at)}
                for u in updates
                if u.project_id == row.project_id
            ],
            "expenses": [
                {
                    "what": e.description,
                    "amount_cents": e.amount_cents,
                    "spent_on": when(e.spent_on),
                    "receipt": e.receipt.name,
                }
                for e in expenses
                if e.project_id == row.project_id
            ],
            "questions": [
                {"question": q.question, "answer": q.answer, "asked_at": when(q.asked_at)}
                for q in questions
                if q.project_id == row.project_id
            ],
        }
        for row in owned
    ]


def panel_of(user: User) -> list[dict[str, Any]]:
    """Sign-ups for a panel under the account's e-mail address, once that address is confirmed."""
    if not user.email_verified:
        return []
    respondents = Respondent.objects.filter(email__iexact=user.email).select_related("edition")
    members = PanelMember.objects.filter(respondent__in=respondents).select_related("draw")
    return [
        {
            "edition": respondent.edition.name,
            "name": respondent.name,
            "email": respondent.email,
            "phone": respondent.phone,
            "features": respondent.features,
            "available": respondent.available,
            "consent_at": when(respondent.consent_at),
            "registered_at": when(respondent.registered_at),
            "panel": [
                {"status": m.status, "joined_at": when(m.joined_at), "dropped_at": when(m.dropped_at)}
                for m in members
                if m.respondent_id == respondent.pk and m.draw.is_current
            ],
        }
        for respondent in respondents
    ]


def surveys_answered_by(user: User) -> list[dict[str, Any]]:
    """The surveys the account answered: found through its tickets' keyed hashes, never its answers."""
    projects = [row.project for row in ProjectOwner.objects.filter(user=user).select_related("project")]
    holders = [user_holder(user)] + [user_holder(user, project) for project in projects]
    surveys = list(Survey.objects.select_related("edition").order_by("pk"))
    hashes = {holder_hash(survey, holder): survey for survey in surveys for holder in holders}
    answered = SurveyTicket.objects.filter(holder_hash__in=list(hashes)).values_list("holder_hash", flat=True)
    found = {hashes[value].pk: hashes[value] for value in answered}
    return [{"survey": survey.title, "edition": survey.edition.name} for survey in found.values()]
