"""What the survey pages share: finding an edition's survey for an official, the answer page's context."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from accounts.models import User
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...models import Question, QuestionKind, Survey, SurveyKind


def official_edition(request: HttpRequest, slug: str) -> tuple[Edition, User]:
    """The edition and the official asking; 403 unless they may evaluate it."""
    edition = get_object_or_404(Edition.objects.select_related("district"), slug=slug)
    user = request.user
    if not isinstance(user, User) or not can(user, Action.EVALUATE, edition):
        raise PermissionDenied
    return edition, user


def official_survey(request: HttpRequest, slug: str, kind: str) -> tuple[Survey, User]:
    edition, user = official_edition(request, slug)
    if kind not in SurveyKind.values:
        raise PermissionDenied
    return get_object_or_404(Survey.objects.select_related("edition"), edition=edition, kind=kind), user


def _options(question: Question, value: object) -> list[dict[str, Any]]:
    chosen = {str(v) for v in value} if isinstance(value, list) else {str(value)}
    if (
        question.kind == QuestionKind.SCALE
        and question.scale_min is not None
        and question.scale_max is not None
    ):
        keys = [(str(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
    else:
        keys = [(str(c["key"]), str(c["label"])) for c in question.choices]
    return [{"key": key, "label": label, "checked": key in chosen} for key, label in keys]


def answer_context(survey: Survey, answers: dict[str, object] | None = None, **extra: Any) -> dict[str, Any]:
    """The questions with what was posted (to fill the form in again after a refusal)."""
    posted = answers or {}
    questions = [
        {
            "question": question,
            "name": f"q-{question.key}",
            "value": posted.get(question.key) or "",
            "options": _options(question, posted.get(question.key)),
        }
        for question in survey.questions.all()
    ]
    return {"survey": survey, "questions": questions, **extra}
