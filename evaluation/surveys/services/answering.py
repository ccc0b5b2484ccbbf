"""Answering a survey: every answer checked, then the ticket and the response stored, once.

The ticket (survey, keyed hash of the holder) is unique: a second answer by the same holder fails on
the constraint, whatever the timing, and is refused as "already_answered" with nothing stored. The
ticket and the response are written in two transactions (the ticket first; it is taken back if the
response cannot be stored), so the database's transaction ids do not pair them: call it outside any
``atomic()`` block. The response holds the answers, the project and neighbourhood where known, and
the day: no person, no voter, no ballot, no code, no ticket, no time of day (docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from accounts.models import User
from deliberation.models import Respondent
from execution.models import Project
from places.models import Neighbourhood
from voting.survey_pass import SurveyPass

from ...models import Question, QuestionKind, Response, Survey, SurveyKind, SurveyTicket
from ..eligibility import check_user, local_day, panel_members
from ..errors import SurveyError
from ..holders import holder_hash, panel_holder, voter_holder

TEXT_LIMIT = 2000


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _scale(question: Question, value: object) -> int:
    if isinstance(value, bool):
        raise SurveyError("not_a_number", question=question.text)
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise SurveyError("not_a_number", question=question.text) from None
    low, high = question.scale_min, question.scale_max
    if low is None or high is None or not low <= number <= high:
        raise SurveyError("out_of_scale", question=question.text, low=low, high=high)
    return number


def _choice_keys(question: Question) -> list[str]:
    return [str(choice["key"]) for choice in question.choices]


def _clean_one(question: Question, value: object) -> object:
    if question.kind == QuestionKind.SCALE:
        return _scale(question, value)
    if question.kind == QuestionKind.SINGLE:
        if not isinstance(value, str) or value not in _choice_keys(question):
            raise SurveyError("unknown_choice", question=question.text)
        return value
    if question.kind == QuestionKind.MULTIPLE:
        chosen = [value] if isinstance(value, str) else value
        if not isinstance(chosen, list | tuple) or any(key not in _choice_keys(question) for key in chosen):
            raise SurveyError("unknown_choice", question=question.text)
        return [key for key in _choice_keys(question) if key in chosen]
    text = str(value).strip()
    if len(text) > TEXT_LIMIT:
        raise SurveyError("text_too_long", question=question.text, limit=TEXT_LIMIT)
    return text


def clean_answers(survey: Survey, answers: Mapping[str, object]) -> dict[str, Any]:
    """The answers as stored (question key → value), or the SurveyError of the first bad one."""
    questions = list(survey.questions.all())
    if set(answers) - {question.key for question in questions}:
        raise SurveyError("unknown_question")
    cleaned: dict[str, Any] = {}
    for question in questions:
        value = answers.get(question.key)
        if isinstance(value, str):
            value = value.strip()
        if _empty(value):
            if question.required:
                raise SurveyError("answer_required", question=question.text)
            continue
        cleaned[question.key] = _clean_one(question, value)
    return cleaned


def answer_survey(
    *,
    survey: Survey,
    holder: str,
    answers: Mapping[str, object],
    project: Project | None = None,
    neighbourhood: Neighbourhood | None = None,
    at: datetime | None = None,
) -> Response:
    """Store ``holder``'s answers to ``survey`` once; SurveyError if closed, invalid or answered before."""
    if not survey.is_open:
        raise SurveyError("survey_closed")
    cleaned = clean_answers(survey, answers)
    ticket = _take_ticket(survey, holder)
    try:
        with transaction.atomic():
            return Response.objects.create(
                survey=survey,
                project=project,
                neighbourhood=neighbourhood,
                submitted_on=local_day(at),
                answers=cleaned,
            )
    except BaseException:
        SurveyTicket.objects.filter(pk=ticket.pk).delete()  # nothing half-saved: the holder may try again
        raise


def _take_ticket(survey: Survey, holder: str) -> SurveyTicket:
    """The holder's one ticket, committed on its own: a ticket and its response never share a
    transaction, so no transaction id (PostgreSQL's ``xmin``) or commit record joins them."""
    try:
        with transaction.atomic():
            return SurveyTicket.objects.create(survey=survey, holder_hash=holder_hash(survey, holder))
    except IntegrityError:
        raise SurveyError("already_answered") from None


def answer_as_user(
    *,
    survey: Survey,
    user: User,
    answers: Mapping[str, object],
    project: Project | None = None,
    at: datetime | None = None,
) -> Response:
    """A signed-in initiator, official or resident answers (``project`` for a per-project survey)."""
    holder = check_user(survey, user, project, at=at)
    neighbourhood = project.plan.neighbourhood if project is not None else None
    return answer_survey(
        survey=survey, holder=holder, answers=answers, project=project, neighbourhood=neighbourhood, at=at
    )


def answer_as_voter(
    *, survey: Survey, survey_pass: SurveyPass, answers: Mapping[str, object], at: datetime | None = None
) -> Response:
    """A voter answers the voter survey with the pass of their receipt (already read for this edition)."""
    if survey.kind != SurveyKind.VOTER or survey.edition_id != survey_pass.edition_id:
        raise SurveyError("not_eligible")
    neighbourhood = None
    if survey_pass.neighbourhood_id is not None:
        neighbourhood = Neighbourhood.objects.filter(pk=survey_pass.neighbourhood_id).first()
    return answer_survey(
        survey=survey,
        holder=voter_holder(survey_pass.holder),
        answers=answers,
        neighbourhood=neighbourhood,
        at=at,
    )


def answer_as_panel_member(
    *, survey: Survey, respondent: Respondent, answers: Mapping[str, object], at: datetime | None = None
) -> Response:
    """A member of the edition's panel answers with the link mailed to them."""
    if not panel_members(survey).filter(pk=respondent.pk).exists():
        raise SurveyError("not_eligible")
    return answer_survey(survey=survey, holder=panel_holder(respondent), answers=answers, at=at)
