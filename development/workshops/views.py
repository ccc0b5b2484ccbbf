"""Pages of plan workshops: the public list with sign-up and cancel, and the district's management page.

Each POST calls one service and redirects back with a message (a refusal is shown translated); the
management page shows its forms again with the refusal when the input was wrong.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ..models import Workshop, WorkshopSignUp
from . import services
from .forms import AttendanceForm, WorkshopForm
from .selectors import managed_workshops, workshop_list


def list_url(edition: Edition) -> str:
    return reverse("development:workshops", kwargs={"slug": edition.slug})


# Before the review in the edition's cycle: workshops help residents write their plans.
WORKSHOPS_TASK = Task(gettext_lazy("Plan workshops"), order=4, offered_with=Action.SIGN_UP_FOR_WORKSHOP)


def manage_url(edition: Edition) -> str:
    return reverse("development:manage_workshops", kwargs={"slug": edition.slug})


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _workshop(edition: Edition, pk: int) -> Workshop:
    return get_object_or_404(Workshop.objects.select_related("edition"), edition=edition, pk=pk)


@edition_action(Action.SIGN_UP_FOR_WORKSHOP, gate=Gate.OFFERED)
@require_GET
def workshops(request: HttpRequest, edition: Edition) -> HttpResponse:
    context = {
        "edition": edition,
        "listing": workshop_list(edition=edition, user=request.user),
        "may_sign_up": can(request.user, Action.SIGN_UP_FOR_WORKSHOP, edition),
        "may_manage": can(request.user, Action.MANAGE_DEVELOPMENT, edition),
    }
    return render(request, "development/workshops/list.html", context)


@login_required
@edition_action(Action.SIGN_UP_FOR_WORKSHOP, gate=Gate.OFFERED)
@require_POST
def sign_up(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    workshop = _workshop(edition, pk)
    try:
        services.sign_up_for_workshop(workshop=workshop, user=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are signed up for “%(title)s”.") % {"title": workshop.title})
    return redirect(list_url(edition) + f"#planwerkplaats-{workshop.pk}")


@login_required
@edition_action(Action.SIGN_UP_FOR_WORKSHOP, gate=Gate.OFFERED)
@require_POST
def cancel_sign_up(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    workshop = _workshop(edition, pk)
    try:
        services.cancel_sign_up(workshop=workshop, user=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You are no longer signed up for “%(title)s”.") % {"title": workshop.title}
        )
    return redirect(list_url(edition) + f"#planwerkplaats-{workshop.pk}")


def _render_manage(
    request: HttpRequest, edition: Edition, form: WorkshopForm, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "edition": edition,
        "workshops": managed_workshops(edition=edition),
        "form": form,
        "may_manage": can(request.user, Action.MANAGE_DEVELOPMENT, edition),
    }
    return render(request, "development/workshops/manage.html", context, status=status)


@edition_action(Action.MANAGE_DEVELOPMENT, gate=Gate.ROLES, task=WORKSHOPS_TASK)
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = WorkshopForm(request.POST or None)
    if form.is_bound and form.is_valid():
        try:
            services.announce_workshop(edition=edition, by=_user(request), details=form.details())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The workshop is announced."))
            return redirect(manage_url(edition))
    return _render_manage(request, edition, form, status=400 if form.is_bound else 200)


@edition_action(Action.MANAGE_DEVELOPMENT, gate=Gate.ROLES)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    workshop = _workshop(edition, pk)
    form = WorkshopForm(request.POST or None, workshop=workshop)
    if form.is_bound and form.is_valid():
        try:
            services.update_workshop(workshop=workshop, by=_user(request), details=form.details())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The workshop is changed."))
            return redirect(manage_url(edition) + f"#planwerkplaats-{workshop.pk}")
    context = {"edition": edition, "workshop": workshop, "form": form}
    return render(request, "development/workshops/edit.html", context, status=400 if form.is_bound else 200)


@edition_action(Action.MANAGE_DEVELOPMENT, gate=Gate.ROLES)
@require_POST
def cancel(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    workshop = _workshop(edition, pk)
    try:
        services.cancel_workshop(workshop=workshop, by=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The workshop is cancelled; everyone signed up gets an e-mail."))
    return redirect(manage_url(edition) + f"#planwerkplaats-{workshop.pk}")


@edition_action(Action.MANAGE_DEVELOPMENT, gate=Gate.ROLES)
@require_POST
def attendance(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    sign_up = get_object_or_404(
        WorkshopSignUp.objects.select_related("workshop__edition", "user"), workshop__edition=edition, pk=pk
    )
    back = redirect(manage_url(edition) + f"#planwerkplaats-{sign_up.workshop_id}")
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the person came."))
        return back
    try:
        services.record_attendance(sign_up=sign_up, by=_user(request), attended=form.cleaned_data["attended"])
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Attendance of %(name)s is recorded.") % {"name": sign_up.user.display_name}
        )
    return back
