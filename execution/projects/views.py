"""The public pages of carrying out: an edition's projects, and one project."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from editions.decorators import edition_page
from editions.models import Edition

from ..models import Project
from . import selectors


@require_safe
@edition_page
def overview(request: HttpRequest, edition: Edition) -> HttpResponse:
    projects = selectors.projects_of(edition)
    return render(request, "execution/overview.html", {"edition": edition, "projects": projects})


@require_safe
def project(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = selectors.public_project(pk)
    except Project.DoesNotExist:
        raise Http404 from None
    return render(request, "execution/project.html", {"project": found, "edition": found.edition})
