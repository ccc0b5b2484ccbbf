"""The pages of carrying out: an edition's projects, one project, the open data, the district's work."""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from common import csv_safe
from editions.decorators import Gate, Task, edition_action, edition_page
from editions.models import Edition
from editions.phases import Action

from .. import selectors as work
from ..models import Project
from . import exports, page, selectors

WORK_TASK = Task(gettext_lazy("Carrying out the projects"), order=110)


@require_safe
@edition_page
def overview(request: HttpRequest, edition: Edition) -> HttpResponse:
    found = selectors.overview(edition, request.GET, whole_district=_("Whole district"))
    context = {
        "edition": edition,
        "overview": found,
        "tables": exports.TABLES,
        "query": _without_page(request),
    }
    return render(request, "execution/overview.html", context)


def _without_page(request: HttpRequest) -> str:
    """The filters of the request as a query string, for the page links."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


@require_safe
def project(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = page.project_page(pk, page=request.GET.get("pagina"))
    except Project.DoesNotExist:
        raise Http404 from None
    context = {
        "page": found,
        "project": found.project,
        "edition": found.project.edition,
        "acting": page.acting_on(request.user, found.project),
    }
    return render(request, "execution/project.html", context)


@require_safe
@edition_page
def export_csv(request: HttpRequest, edition: Edition, table: str) -> HttpResponse:
    found = exports.TABLES.get(table)
    if found is None:
        raise Http404
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow(found.columns)
    writer.writerows(found.rows(edition))
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-{table}.csv"'
    return response


@require_safe
@edition_page
def export_json(request: HttpRequest, edition: Edition, table: str) -> JsonResponse:
    if table not in exports.TABLES:
        raise Http404
    data = {"edition": edition.slug, "table": table, "rows": exports.table_data(edition, table)}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-{table}.json"'
    return response


@require_safe
@edition_action(Action.MANAGE_EXECUTION, gate=Gate.ROLES, task=WORK_TASK)
def district_work(request: HttpRequest, edition: Edition) -> HttpResponse:
    context = {
        "edition": edition,
        "counts": work.work_counts(edition),
        "projects": selectors.projects_of(edition),
    }
    return render(request, "execution/work.html", context)
