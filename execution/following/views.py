"""Following a project or an edition (a POST button that works without JavaScript; a GET page to
confirm it, where a visitor who logged in first lands), and the list of what one follows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from editions.decorators import edition_page
from editions.models import Edition

from ..models import Project
from ..projects.page import public_project
from . import selectors, services
from .errors import FollowError
from .forms import FollowForm


def _project(pk: int) -> Project:
    try:
        return public_project(pk)
    except Project.DoesNotExist:
        raise Http404 from None


def _follow(request: HttpRequest, target: dict[str, Any], follow: Callable[[], object]) -> HttpResponse:
    """The confirmation page (GET), or follow and go back (POST); ``target`` names what is followed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = FollowForm(request.POST if request.method == "POST" else request.GET)
    context = {**target, "form": form, "next": form.next_url(request, target["back"])}
    if request.method == "GET":
        return render(request, "execution/following/confirm.html", context)
    try:
        follow()
    except FollowError as error:
        context["error"] = error.message
        return render(request, "execution/following/confirm.html", context, status=403)
    messages.success(request, _("You now follow “%(name)s”.") % {"name": target["name"]})
    return redirect(context["next"])


@require_http_methods(["GET", "POST"])
def follow_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    target = {"project": project, "edition": project.edition, "name": project.plan.title}
    return _follow(
        request,
        {**target, "back": project.get_absolute_url()},
        lambda: services.follow_project(user=request.user, project=project),  # type: ignore[arg-type]
    )


@require_http_methods(["GET", "POST"])
@edition_page
def follow_edition(request: HttpRequest, edition: Edition) -> HttpResponse:
    target = {"edition": edition, "name": edition.name, "back": edition.get_absolute_url()}
    return _follow(
        request,
        target,
        lambda: services.follow_edition(user=request.user, edition=edition),  # type: ignore[arg-type]
    )


@require_POST
@login_required
def unfollow_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    services.unfollow_project(user=request.user, project=project)  # type: ignore[arg-type]
    messages.success(request, _("You no longer follow “%(name)s”.") % {"name": project.plan.title})
    return redirect(FollowForm(request.POST).next_url(request, project.get_absolute_url()))


@require_POST
@login_required
@edition_page
def unfollow_edition(request: HttpRequest, edition: Edition) -> HttpResponse:
    services.unfollow_edition(user=request.user, edition=edition)  # type: ignore[arg-type]
    messages.success(request, _("You no longer follow “%(name)s”.") % {"name": edition.name})
    return redirect(FollowForm(request.POST).next_url(request, edition.get_absolute_url()))


@require_GET
@login_required
def followed(request: HttpRequest) -> HttpResponse:
    found = selectors.followed_by(request.user)  # type: ignore[arg-type]
    return render(request, "execution/following/followed.html", {"followed": found})
