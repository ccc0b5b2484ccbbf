"""Answering a survey: signed-in people (initiators, officials, residents), voters with the pass of
their receipt (POST only: the pass never enters a URL), panel members with their mailed link."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from execution.models import Project
from voting.survey_pass import SurveyPassError, read_survey_pass

from ...models import Survey, SurveyKind
from ..eligibility import PER_PROJECT, user_may_answer
from ..errors import SurveyError
from ..forms import answers_from_post
from ..links import respondent_from_token
from ..services import answer_as_panel_member, answer_as_user, answer_as_voter
from .common import answer_context

PAGE = "evaluation/surveys/answer.html"
THANKS = "evaluation/surveys/thanks.html"
# Refusals that end the answering (a thank-you page with the reason); others show the form again.
FINAL = frozenset({"already_answered", "survey_closed", "not_eligible", "pass_expired"})


def _survey(pk: int) -> Survey:
    return get_object_or_404(Survey.objects.select_related("edition"), pk=pk)


def _refusal(request: HttpRequest, survey: Survey, error: SurveyError) -> HttpResponse:
    status = 409 if error.code == "already_answered" else 403
    return render(request, THANKS, {"survey": survey, "error": error.message}, status=status)


def _answer_as_user(request: HttpRequest, survey: Survey, project: Project | None) -> HttpResponse:
    user = request.user
    if not isinstance(user, User) or not user_may_answer(survey, user, project):
        return _refusal(request, survey, SurveyError("not_eligible"))
    answers = (
        answers_from_post(list(survey.questions.all()), request.POST) if request.method == "POST" else {}
    )
    if request.method == "POST":
        try:
            answer_as_user(survey=survey, user=user, answers=answers, project=project)
        except SurveyError as error:
            if error.code in FINAL:
                return _refusal(request, survey, error)
            return render(
                request,
                PAGE,
                answer_context(survey, answers, project=project, error=error.message),
                status=400,
            )
        return render(request, THANKS, {"survey": survey})
    return render(request, PAGE, answer_context(survey, project=project))


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(pk)
    if survey.kind in PER_PROJECT or survey.kind in (SurveyKind.VOTER, SurveyKind.PANEL_MEMBER):
        raise Http404
    return _answer_as_user(request, survey, None)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_project(request: HttpRequest, pk: int, project: int) -> HttpResponse:
    survey = _survey(pk)
    if survey.kind not in PER_PROJECT:
        raise Http404
    about = get_object_or_404(
        Project.objects.select_related("plan"), pk=project, edition_id=survey.edition_id
    )
    return _answer_as_user(request, survey, about)


@never_cache
@require_POST
def answer_voter(request: HttpRequest, pk: int) -> HttpResponse:
    """POST with the pass: the questions; POST with the pass and intent=answer: record the answers."""
    survey = _survey(pk)
    if survey.kind != SurveyKind.VOTER:
        raise Http404
    token = request.POST.get("survey_pass", "")
    try:
        survey_pass = read_survey_pass(token, edition=survey.edition)
        if request.POST.get("intent") != "answer" or request.POST.get("language_switch"):
            typed = answers_from_post(list(survey.questions.all()), request.POST)  # kept by the switch
            return render(request, PAGE, answer_context(survey, typed, survey_pass=token))
        answers = answers_from_post(list(survey.questions.all()), request.POST)
        answer_as_voter(survey=survey, survey_pass=survey_pass, answers=answers)
    except SurveyPassError:
        return _refusal(request, survey, SurveyError("pass_expired"))
    except SurveyError as error:
        if error.code in FINAL:
            return _refusal(request, survey, error)
        context = answer_context(survey, answers, survey_pass=token, error=error.message)
        return render(request, PAGE, context, status=400)
    return render(request, THANKS, {"survey": survey})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def answer_panel(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    survey = _survey(pk)
    try:
        respondent = respondent_from_token(token, survey=survey)
        if request.method != "POST":
            return render(request, PAGE, answer_context(survey))
        answers = answers_from_post(list(survey.questions.all()), request.POST)
        answer_as_panel_member(survey=survey, respondent=respondent, answers=answers)
    except SurveyError as error:
        if request.method != "POST" or error.code in FINAL:
            return _refusal(request, survey, error)
        return render(request, PAGE, answer_context(survey, answers, error=error.message), status=400)
    return render(request, THANKS, {"survey": survey})
