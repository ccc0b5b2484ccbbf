"""Pages of obstacles: record a blocker and resolve it, ask the district for help and answer.

Each page loads its project, asks ``execution.access`` who may, and calls one service; a refusal is
shown on the form, translated, with the status ``progress.views.refusal_status`` gives.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from common.errors import ServiceError

from ..access import may_manage, may_report
from ..models import Blocker, HelpRequest
from ..progress.views import acting_user, load_project, show_form, side_on
from . import services
from .forms import AnswerForm, BlockerForm, HelpForm, ResolveForm

TEMPLATE = "execution/obstacles/form.html"
OBSTACLES = "#obstakels"


@login_required
@require_http_methods(["GET", "POST"])
def record_blocker(request: HttpRequest, pk: int) -> HttpResponse:
    project = load_project(pk)
    side_on(acting_user(request), project)
    form = BlockerForm(request.POST or None)
    context: dict[str, Any] = {"project": project, "heading": _lazy("Record an obstacle")}
    if form.is_bound and form.is_valid():
        try:
            services.record_blocker(project=project, by=acting_user(request), **form.cleaned_data)
        except ServiceError as error:
            return show_form(request, TEMPLATE, form, context, error)
        messages.success(request, _("The obstacle is recorded."))
        return redirect(project.get_absolute_url() + OBSTACLES)
    return show_form(request, TEMPLATE, form, context)


@login_required
@require_http_methods(["GET", "POST"])
def resolve_blocker(request: HttpRequest, pk: int) -> HttpResponse:
    blocker = get_object_or_404(Blocker.objects.select_related("project__plan", "project__edition"), pk=pk)
    side_on(acting_user(request), blocker.project)
    form = ResolveForm(request.POST or None)
    context: dict[str, Any] = {
        "project": blocker.project,
        "heading": _lazy("Resolve an obstacle"),
        "subject": blocker.description,
    }
    if form.is_bound and form.is_valid():
        try:
            services.resolve_blocker(blocker=blocker, by=acting_user(request), **form.cleaned_data)
        except ServiceError as error:
            return show_form(request, TEMPLATE, form, context, error)
        messages.success(request, _("The obstacle is resolved."))
        return redirect(blocker.project.get_absolute_url() + OBSTACLES)
    return show_form(request, TEMPLATE, form, context)


@login_required
@require_http_methods(["GET", "POST"])
def ask_for_help(request: HttpRequest, pk: int) -> HttpResponse:
    project = load_project(pk)
    if not may_report(acting_user(request), project):
        raise PermissionDenied
    form = HelpForm(request.POST or None)
    context: dict[str, Any] = {"project": project, "heading": _lazy("Ask the district for help")}
    if form.is_bound and form.is_valid():
        try:
            services.ask_for_help(project=project, by=acting_user(request), **form.cleaned_data)
        except ServiceError as error:
            return show_form(request, TEMPLATE, form, context, error)
        messages.success(request, _("Your question is sent to the district."))
        return redirect(project.get_absolute_url() + OBSTACLES)
    return show_form(request, TEMPLATE, form, context)


@login_required
@require_http_methods(["GET", "POST"])
def answer_help_request(request: HttpRequest, pk: int) -> HttpResponse:
    asked = get_object_or_404(HelpRequest.objects.select_related("project__plan", "project__edition"), pk=pk)
    if not may_manage(acting_user(request), asked.project):
        raise PermissionDenied
    form = AnswerForm(request.POST or None)
    context: dict[str, Any] = {
        "project": asked.project,
        "heading": _lazy("Answer a question"),
        "subject": asked.question,
    }
    if form.is_bound and form.is_valid():
        try:
            services.answer_help_request(request=asked, by=acting_user(request), **form.cleaned_data)
        except ServiceError as error:
            return show_form(request, TEMPLATE, form, context, error)
        messages.success(request, _("Your answer is sent."))
        return redirect(asked.project.get_absolute_url() + OBSTACLES)
    return show_form(request, TEMPLATE, form, context)
