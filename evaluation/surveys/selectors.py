"""Reads of the surveys: an edition's questionnaires, their figures (with small groups suppressed),
and the officials' results page with the open answers grouped by the category respondents chose.

A question with fewer than ``MIN_GROUP`` answers shows no figures; a breakdown shows only the groups
with at least ``MIN_GROUP`` answers; open text is never in the figures (the evidence, open data).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from editions.models import Edition
from evaluation.privacy import MIN_GROUP

from ..models import Question, QuestionKind, QuestionRole, Survey

BREAKDOWN_ROLES = (QuestionRole.AGE_BAND, QuestionRole.GENDER, QuestionRole.FIRST_TIME)


def surveys_of(edition: Edition) -> list[Survey]:
    """The edition's surveys with ``response_count`` and ``question_count``, in the order of SurveyKind."""
    surveys = Survey.objects.filter(edition=edition).annotate(
        response_count=Count("responses", distinct=True), question_count=Count("questions", distinct=True)
    )
    return list(surveys.order_by("pk"))


def _answers_of(survey: Survey) -> list[dict[str, Any]]:
    return [dict(answers) for answers in survey.responses.values_list("answers", flat=True)]


def _distribution(question: Question, values: list[Any]) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    for value in values:
        for key in value if isinstance(value, list) else [value]:
            counts[str(key)] += 1
    if (
        question.kind == QuestionKind.SCALE
        and question.scale_min is not None
        and question.scale_max is not None
    ):
        options = [(str(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
    else:
        options = [(str(choice["key"]), str(choice["label"])) for choice in question.choices]
    return [{"key": key, "label": label, "count": counts[key]} for key, label in options]


def question_figure(question: Question, responses: list[dict[str, Any]]) -> dict[str, Any]:
    """One question's figure: answers, and (from ``MIN_GROUP`` answers on) the mean and distribution."""
    values = [answers[question.key] for answers in responses if question.key in answers]
    suppressed = len(values) < MIN_GROUP
    numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    mean = round(sum(numbers) / len(numbers), 2) if numbers and question.kind == QuestionKind.SCALE else None
    return {
        "key": question.key,
        "text": question.text,
        "kind": question.kind,
        "role": question.role,
        "answers": len(values),
        "suppressed": suppressed,
        "mean": None if suppressed else mean,
        "distribution": [] if suppressed else _distribution(question, values),
    }


def survey_figures(edition: Edition) -> list[dict[str, Any]]:
    """The evidence's "surveys" section: per survey its closed questions' figures, JSON-ready."""
    figures = []
    for survey in Survey.objects.filter(edition=edition).prefetch_related("questions").order_by("pk"):
        responses = _answers_of(survey)
        questions = [q for q in survey.questions.all() if q.kind != QuestionKind.TEXT]
        figures.append(
            {
                "kind": survey.kind,
                "title": survey.title,
                "responses": len(responses),
                "questions": [question_figure(question, responses) for question in questions],
            }
        )
    return figures


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    answers: int
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Breakdown:
    """A closed question's mean per group of a demographic question: only groups of ``MIN_GROUP`` and more."""

    by: Question
    of: Question
    groups: list[Group]
    hidden_groups: int


@dataclass(frozen=True)
class OpenAnswers:
    """The answers to an open question grouped by the category chosen; small categories hidden."""

    question: Question
    category: Question | None
    groups: list[Group]
    hidden_answers: int


@dataclass(frozen=True)
class SurveyResults:
    survey: Survey
    responses: int
    figures: list[dict[str, Any]]
    breakdowns: list[Breakdown]
    open_answers: list[OpenAnswers]
    min_group: int = MIN_GROUP


def _breakdown(by: Question, of: Question, responses: list[dict[str, Any]]) -> Breakdown:
    per_group: dict[str, list[int]] = defaultdict(list)
    for answers in responses:
        if by.key in answers and isinstance(answers.get(of.key), int):
            per_group[str(answers[by.key])].append(answers[of.key])
    shown, hidden = [], 0
    for choice in by.choices:
        values = per_group.get(str(choice["key"]), [])
        if len(values) >= MIN_GROUP:
            shown.append(
                Group(
                    str(choice["key"]), str(choice["label"]), len(values), round(sum(values) / len(values), 2)
                )
            )
        elif values:
            hidden += 1
    return Breakdown(by=by, of=of, groups=shown, hidden_groups=hidden)


def _open_answers(text: Question, category: Question | None, responses: list[dict[str, Any]]) -> OpenAnswers:
    labels = {str(c["key"]): str(c["label"]) for c in category.choices} if category else {}
    in_category: Counter[str] = Counter()
    texts: dict[str, list[str]] = defaultdict(list)
    for answers in responses:
        key = str(answers.get(category.key, "")) if category else ""
        in_category[key] += 1
        if answers.get(text.key):
            texts[key].append(str(answers[text.key]))
    groups, hidden = [], 0
    for key in [*labels, ""]:
        if not texts.get(key):
            continue
        if in_category[key] >= MIN_GROUP:
            groups.append(Group(key, labels.get(key, ""), in_category[key], texts=sorted(texts[key])))
        else:
            hidden += len(texts[key])
    return OpenAnswers(question=text, category=category, groups=groups, hidden_answers=hidden)


def survey_results(survey: Survey) -> SurveyResults:
    """The officials' results page: figures, breakdowns of satisfaction, and the open answers."""
    responses = _answers_of(survey)
    questions = list(survey.questions.all())
    satisfaction = next(
        (q for q in questions if q.role == QuestionRole.SATISFACTION and q.kind == QuestionKind.SCALE), None
    )
    category = next(
        (q for q in questions if q.role == QuestionRole.CATEGORY and q.kind == QuestionKind.SINGLE), None
    )
    breakdowns = [
        _breakdown(q, satisfaction, responses)
        for q in questions
        if satisfaction is not None and q.role in BREAKDOWN_ROLES and q.kind == QuestionKind.SINGLE
    ]
    return SurveyResults(
        survey=survey,
        responses=len(responses),
        figures=[question_figure(q, responses) for q in questions if q.kind != QuestionKind.TEXT],
        breakdowns=breakdowns,
        open_answers=[
            _open_answers(q, category, responses) for q in questions if q.kind == QuestionKind.TEXT
        ],
    )
