"""Pages of progress: the owner's (or official's) "post an update" form, hiding an update, a status step.

Each page loads the project, asks ``execution.access`` who may, and calls one service; a refusal is
shown on the form, translated, with 403 (not yours), 409 (the project moved on) or 400 (the input).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import User
from common.errors import ServiceError

from ..access import may_manage, may_report
from ..models import AuthorSide, Project, ProjectStatus, Update
from . import services, status
from .forms import HideForm, StatusForm, UpdateForm

FORBIDDEN = frozenset(
    {"not_an_owner", "not_district", "not_allowed", "not_moderator", "transition_not_yours"}
)
CONFLICTS = frozenset(
    {
        "project_closed",
        "already_hidden",
        "milestone_already_reached",
        "illegal_transition",
        "already_resolved",
    }
    | {"already_answered"}
)


def refusal_status(error: ServiceError) -> int:
    """The HTTP status a refused service call is shown with."""
    return 403 if error.code in FORBIDDEN else 409 if error.code in CONFLICTS else 400


def load_project(pk: int) -> Project:
    """A project of a published edition, or 404."""
    return get_object_or_404(
        Project.objects.select_related("plan", "edition").filter(edition__is_published=True), pk=pk
    )


def acting_user(request: HttpRequest) -> User:
    """The logged-in person (the views are behind ``login_required``)."""
    assert isinstance(request.user, User)
    return request.user


def side_on(user: User, project: Project) -> AuthorSide:
    """The side ``user`` reports for on ``project`` now; PermissionDenied if neither."""
    if may_report(user, project):
        return AuthorSide.INITIATORS
    if may_manage(user, project):
        return AuthorSide.DISTRICT
    raise PermissionDenied


def show_form(
    request: HttpRequest,
    template: str,
    form: Form,
    context: dict[str, Any],
    error: ServiceError | None = None,
) -> HttpResponse:
    """The form page; with a refusal, its message on the form and the refusal's status."""
    if error is not None:
        form.add_error(None, error.message)
    status_code = refusal_status(error) if error else 400 if form.is_bound else 200
    return render(request, template, {"form": form, **context}, status=status_code)


def _posted(request: HttpRequest, form: UpdateForm, project: Project) -> None:
    services.post_update(
        project=project,
        by=acting_user(request),
        body=form.cleaned_data["body"],
        percent=form.cleaned_data["percent"],
        milestone=form.cleaned_data["milestone"],
        photos=form.photo_uploads(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_update(request: HttpRequest, pk: int) -> HttpResponse:
    project = load_project(pk)
    side_on(acting_user(request), project)
    form = UpdateForm(request.POST or None, request.FILES or None, project=project)
    if form.is_bound and form.is_valid():
        try:
            _posted(request, form, project)
        except ServiceError as error:
            return show_form(request, "execution/progress/post.html", form, {"project": project}, error)
        messages.success(request, _("Your update is on the project page."))
        return redirect(project.get_absolute_url() + "#voortgang")
    return show_form(request, "execution/progress/post.html", form, {"project": project})


@login_required
@require_http_methods(["GET", "POST"])
def hide_update(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_object_or_404(
        Update.objects.select_related("project__plan", "project__edition", "author"), pk=pk
    )
    if not services.may_hide(acting_user(request), update.project):
        raise PermissionDenied
    form = HideForm(request.POST or None)
    context: dict[str, Any] = {"update": update, "project": update.project}
    if form.is_bound and form.is_valid():
        try:
            services.hide_update(
                update=update, moderator=acting_user(request), reason=form.cleaned_data["reason"]
            )
        except ServiceError as error:
            return show_form(request, "execution/progress/hide.html", form, context, error)
        messages.success(request, _("The update is hidden; the reason is shown in its place."))
        return redirect(f"{update.project.get_absolute_url()}#update-{update.pk}")
    return show_form(request, "execution/progress/hide.html", form, context)


@login_required
@require_http_methods(["GET", "POST"])
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    project = load_project(pk)
    side = side_on(acting_user(request), project)
    form = StatusForm(request.POST or None, targets=status.targets_for(side, project.status))
    if form.is_bound and form.is_valid():
        try:
            to, reason = ProjectStatus(form.cleaned_data["to"]), form.cleaned_data["reason"]
            status.change_project_status(project=project, to=to, by=acting_user(request), reason=reason)
        except ServiceError as error:
            return show_form(request, "execution/progress/status.html", form, {"project": project}, error)
        messages.success(request, _("The project's status is changed."))
        return redirect(project.get_absolute_url() + "#voortgang")
    return show_form(request, "execution/progress/status.html", form, {"project": project})
