"""The district's set-up of a project before agreeing: contact person, grant recipient, delivery."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ...projects.services import set_up_project
from ..forms import SetUpForm
from .common import attempt, load_project, staff_only, status_of, user_of


@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest, pk: int) -> HttpResponse:
    """The district names the contact person and the grant's recipient, and how each line is done."""
    project = staff_only(request, load_project(pk))
    form = SetUpForm(project, request.POST if request.method == "POST" else None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        error = attempt(
            lambda: set_up_project(
                project=project,
                by=user_of(request),
                contact=form.cleaned_data["contact"],
                grantee=form.cleaned_data["grantee"],
                delivery=form.delivery(),
            )
        )
        if error is None:
            return redirect("execution:agreement", pk=project.pk)
        form.add_error(None, error.message)
        status = status_of(error)
    context = {"project": project, "edition": project.edition, "form": form}
    return render(request, "execution/agreements/set_up.html", context, status=status)
