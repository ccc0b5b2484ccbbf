"""The district's questionnaires: set up from the standard templates, then edited by its officials.

Every change is an EVALUATE action of an official of the edition's district, audited. A question
that has answers keeps its kind and its options' keys (the stored answers are those keys).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import translation

from accounts.models import User
from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...models import Question, QuestionKind, QuestionRole, Response, Survey, SurveyKind
from ..errors import SurveyError
from ..questionnaires import QuestionTemplate, standard_survey

KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


@dataclass(frozen=True)
class QuestionData:
    """A question as an official writes it (``choices``: [{"key", "label"}])."""

    key: str
    kind: str
    text: str
    help_text: str = ""
    role: str = QuestionRole.NONE
    choices: list[dict[str, str]] = field(default_factory=list)
    scale_min: int | None = None
    scale_max: int | None = None
    scale_min_label: str = ""
    scale_max_label: str = ""
    required: bool = False


def check_official(user: User, edition: Edition) -> None:
    if not can(user, Action.EVALUATE, edition):
        raise SurveyError("not_district")


def _from_template(survey: Survey, position: int, template: QuestionTemplate) -> Question:
    low, high, low_label, high_label = template.scale or (None, None, "", "")
    return Question(
        survey=survey,
        key=template.key,
        position=position,
        kind=template.kind,
        role=template.role,
        text=str(template.text),
        help_text=str(template.help_text),
        choices=[{"key": key, "label": str(label)} for key, label in template.choices],
        scale_min=low,
        scale_max=high,
        scale_min_label=str(low_label),
        scale_max_label=str(high_label),
        required=template.required,
    )


def set_up_surveys(*, edition: Edition, by: User, at: datetime | None = None) -> list[Survey]:
    """Create the edition's missing surveys from the standard templates, in Dutch; the ones made now."""
    check_official(by, edition)
    made: list[Survey] = []
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        existing = set(Survey.objects.filter(edition=edition).values_list("kind", flat=True))
        for kind in SurveyKind:
            if kind in existing:
                continue
            template = standard_survey(kind, edition)
            survey = Survey.objects.create(
                edition=edition, kind=kind, title=str(template.title), introduction=str(template.introduction)
            )
            Question.objects.bulk_create(
                _from_template(survey, position, question)
                for position, question in enumerate(template.questions)
            )
            made.append(survey)
        if made:
            record(
                actor=by,
                action="evaluation.surveys_set_up",
                target=edition,
                edition=edition,
                after={"kinds": [survey.kind for survey in made]},
                at=at,
            )
    return made


def update_survey(
    *, survey: Survey, by: User, title: str, introduction: str, at: datetime | None = None
) -> Survey:
    check_official(by, survey.edition)
    title = title.strip()
    if not title:
        raise SurveyError("title_required")
    with transaction.atomic():
        before = {"title": survey.title, "introduction": survey.introduction}
        survey.title, survey.introduction = title, introduction.strip()
        survey.save(update_fields=["title", "introduction"])
        record(
            actor=by,
            action="evaluation.survey_changed",
            target=survey,
            edition=survey.edition,
            before=before,
            after={"title": survey.title, "introduction": survey.introduction},
            at=at,
        )
    return survey


def set_survey_open(*, survey: Survey, by: User, is_open: bool, at: datetime | None = None) -> Survey:
    check_official(by, survey.edition)
    with transaction.atomic():
        survey.is_open = is_open
        survey.save(update_fields=["is_open"])
        action = "evaluation.survey_opened" if is_open else "evaluation.survey_closed"
        record(actor=by, action=action, target=survey, edition=survey.edition, at=at)
    return survey


def _check_choices(choices: list[dict[str, str]]) -> None:
    if len(choices) < 2:
        raise SurveyError("choices_required")
    seen: set[str] = set()
    for line, choice in enumerate(choices, start=1):
        key, label = str(choice.get("key", "")), str(choice.get("label", "")).strip()
        if not KEY.match(key) or not label:
            raise SurveyError("choice_not_valid", line=line)
        if key in seen:
            raise SurveyError("choice_key_twice", key=key)
        seen.add(key)


def _check_question(data: QuestionData) -> None:
    if not KEY.match(data.key):
        raise SurveyError("key_not_valid")
    if not data.text.strip():
        raise SurveyError("text_required")
    if data.kind == QuestionKind.SCALE and (
        data.scale_min is None or data.scale_max is None or data.scale_max <= data.scale_min
    ):
        raise SurveyError("scale_not_valid")
    if data.kind in CHOICE_KINDS:
        _check_choices(data.choices)


def _has_answers(survey: Survey, key: str) -> bool:
    return Response.objects.filter(survey=survey, answers__has_key=key).exists()


def _fields(data: QuestionData) -> dict[str, Any]:
    values = asdict(data)
    values["text"], values["help_text"] = data.text.strip(), data.help_text.strip()
    if data.kind != QuestionKind.SCALE:
        values.update(scale_min=None, scale_max=None, scale_min_label="", scale_max_label="")
    if data.kind not in CHOICE_KINDS:
        values["choices"] = []
    return values


def _keys(choices: list[dict[str, Any]]) -> list[str]:
    return sorted(str(choice["key"]) for choice in choices)


def _check_change(question: Question, data: QuestionData) -> None:
    """A question with answers keeps its key, kind and options' keys (its scale's range may not shrink)."""
    if not _has_answers(question.survey, question.key):
        return
    changed = (
        data.key != question.key
        or data.kind != question.kind
        or _keys(data.choices) != _keys(question.choices)
        or (
            data.kind == QuestionKind.SCALE
            and (data.scale_min, data.scale_max) != (question.scale_min, question.scale_max)
        )
    )
    if changed:
        raise SurveyError("has_answers")


def save_question(
    *,
    survey: Survey,
    by: User,
    data: QuestionData,
    question: Question | None = None,
    at: datetime | None = None,
) -> Question:
    """Add a question at the end (``question`` None) or change ``question``."""
    check_official(by, survey.edition)
    _check_question(data)
    with transaction.atomic():
        same_key = survey.questions.filter(key=data.key)
        taken = (same_key.exclude(pk=question.pk) if question else same_key).exists()
        if taken or (question is None and _has_answers(survey, data.key)):
            raise SurveyError("key_taken", key=data.key)
        before: dict[str, Any] = {}
        if question is None:
            last = survey.questions.aggregate(last=Max("position"))["last"]
            question = Question(survey=survey, position=0 if last is None else last + 1)
        else:
            _check_change(question, data)
            before = {"key": question.key, "text": question.text, "kind": question.kind}
        for name, value in _fields(data).items():
            setattr(question, name, value)
        question.save()
        record(
            actor=by,
            action="evaluation.question_saved",
            target=question,
            edition=survey.edition,
            before=before,
            after={"key": question.key, "text": question.text, "kind": question.kind},
            at=at,
        )
    return question


def remove_question(*, question: Question, by: User, at: datetime | None = None) -> None:
    """Take a question out; answers already given to it stay in the responses but are no longer shown."""
    survey = question.survey
    check_official(by, survey.edition)
    with transaction.atomic():
        record(
            actor=by,
            action="evaluation.question_removed",
            target=question,
            edition=survey.edition,
            before={"key": question.key, "text": question.text},
            at=at,
        )
        question.delete()


def move_question(*, question: Question, by: User, offset: int, at: datetime | None = None) -> None:
    """Move a question one place up (``offset`` -1) or down (+1); positions are renumbered 0, 1, 2 …"""
    survey = question.survey
    check_official(by, survey.edition)
    with transaction.atomic():
        ordered = list(survey.questions.select_for_update().order_by("position", "pk"))
        index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
        target = max(0, min(len(ordered) - 1, index + (1 if offset > 0 else -1)))
        ordered.insert(target, ordered.pop(index))
        for position, item in enumerate(ordered):
            item.position = position
        Question.objects.bulk_update(ordered, ["position"])
        record(
            actor=by,
            action="evaluation.question_moved",
            target=question,
            edition=survey.edition,
            after={"position": target},
            at=at,
        )
