"""The officials' lessons register of an edition: list and add, edit, remove, move up or down."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.phases import Action

from ..models import Lesson
from .forms import LessonForm
from .selectors import lessons_of
from .services import add_lesson, edit_lesson, move_lesson, remove_lesson

LESSONS_TASK = Task(gettext_lazy("Lessons for the next edition"), order=130)


def status_of(error: ServiceError) -> int:
    return 403 if error.code in ("not_district", "not_allowed", "other_edition") else 400


def _lesson(edition: Edition, pk: int) -> Lesson:
    lesson = (
        Lesson.objects.select_related("edition__district", "adopted_in")
        .filter(pk=pk, edition=edition)
        .first()
    )
    if lesson is None:
        raise Http404
    return lesson


@require_http_methods(["GET", "HEAD", "POST"])
@edition_action(Action.EVALUATE, gate=Gate.ROLES, task=LESSONS_TASK)
def register(request: HttpRequest, edition: Edition) -> HttpResponse:
    assert isinstance(request.user, User)
    form, status = LessonForm(request.POST or None, edition=edition), 200
    if request.method == "POST" and form.is_valid():
        try:
            add_lesson(edition=edition, by=request.user, text=form.text())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The lesson was added."))
            return redirect("evaluation:lessons", slug=edition.slug)
    status = 400 if request.method == "POST" else status
    context = {"edition": edition, "form": form, "lessons": lessons_of(edition)}
    return render(request, "evaluation/lessons/register.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@edition_action(Action.EVALUATE, gate=Gate.ROLES)
def edit(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    assert isinstance(request.user, User)
    lesson = _lesson(edition, pk)
    form = LessonForm(request.POST or None, edition=edition, lesson=lesson)
    if request.method == "POST" and form.is_valid():
        try:
            edit_lesson(lesson=lesson, by=request.user, text=form.text(), edition=edition)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The lesson was saved."))
            return redirect("evaluation:lessons", slug=edition.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "evaluation/lessons/edit.html",
        {"edition": edition, "lesson": lesson, "form": form},
        status=status,
    )


@require_POST
@edition_action(Action.EVALUATE, gate=Gate.ROLES)
def remove(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    assert isinstance(request.user, User)
    try:
        remove_lesson(lesson=_lesson(edition, pk), by=request.user, edition=edition)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The lesson was removed."))
    return redirect("evaluation:lessons", slug=edition.slug)


@require_POST
@edition_action(Action.EVALUATE, gate=Gate.ROLES)
def move(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    assert isinstance(request.user, User)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if offset is None:
        return HttpResponse(status=400)
    try:
        move_lesson(lesson=_lesson(edition, pk), by=request.user, offset=offset, edition=edition)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("evaluation:lessons", slug=edition.slug)
