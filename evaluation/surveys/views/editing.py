"""The officials' survey pages: the edition's surveys (set up, open, close), one survey's texts and
questions (add, edit, move, remove)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ...models import Question
from ..errors import SurveyError
from ..forms import QuestionForm, SurveyForm
from ..selectors import surveys_of
from ..services import (
    move_question,
    remove_question,
    save_question,
    set_survey_open,
    set_up_surveys,
    update_survey,
)
from .common import official_edition, official_survey


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def surveys(request: HttpRequest, slug: str) -> HttpResponse:
    edition, user = official_edition(request, slug)
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if request.POST.get("intent") == "set_up":
            made = set_up_surveys(edition=edition, by=user)
            messages.success(request, _("%(count)s surveys were set up.") % {"count": len(made)})
        elif kind:
            survey, user = official_survey(request, slug, kind)
            set_survey_open(survey=survey, by=user, is_open=request.POST.get("intent") == "open")
            messages.success(
                request, _("The survey is open.") if survey.is_open else _("The survey is closed.")
            )
        return redirect("evaluation:surveys", slug=edition.slug)
    return render(
        request, "evaluation/surveys/list.html", {"edition": edition, "surveys": surveys_of(edition)}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    found, user = official_survey(request, slug, kind)
    form = SurveyForm(
        request.POST or None, initial={"title": found.title, "introduction": found.introduction}
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_survey(survey=found, by=user, **form.cleaned_data)
        except SurveyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The survey was saved."))
            return redirect("evaluation:survey", slug=slug, kind=kind)
    context = {"edition": found.edition, "survey": found, "form": form, "questions": found.questions.all()}
    return render(request, "evaluation/surveys/edit.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    found, user = official_survey(request, slug, kind)
    existing = get_object_or_404(Question, pk=pk, survey=found) if pk is not None else None
    initial = (
        QuestionForm.initial_of(existing) if existing else {"kind": "scale", "scale_min": 1, "scale_max": 5}
    )
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_question(survey=found, by=user, data=form.question_data(), question=existing)
        except SurveyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The question was saved."))
            return redirect("evaluation:survey", slug=slug, kind=kind)
    context = {"edition": found.edition, "survey": found, "form": form, "question": existing}
    return render(request, "evaluation/surveys/question.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def question_action(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    """Move a question up or down, or remove it."""
    found, user = official_survey(request, slug, kind)
    target = get_object_or_404(Question, pk=pk, survey=found)
    intent = request.POST.get("intent")
    if intent == "remove":
        remove_question(question=target, by=user)
        messages.success(request, _("The question was removed."))
    elif intent in ("up", "down"):
        move_question(question=target, by=user, offset=-1 if intent == "up" else 1)
    return redirect("evaluation:survey", slug=slug, kind=kind)
