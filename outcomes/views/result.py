"""The public results page: the result once a count is done and its publication time has come.

Before that the page says when (and whether the votes are counted yet).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.pagecache import cached_page
from editions.decorators import edition_page
from editions.models import Edition
from execution.projects.selectors import project_ids_for
from ui.html import without_indentation

from .. import selectors
from ..rulepicture import rule_picture


@cached_page()
@require_safe
@edition_page
def result(request: HttpRequest, edition: Edition) -> HttpResponse:
    count = selectors.published_count(edition)
    if count is None:
        return render(
            request,
            "outcomes/not_published.html",
            {"edition": edition, "counted": selectors.result_count(edition) is not None},
        )
    result = selectors.result_of(count)
    plan_ids = [p.id for s in result.sections for p in s.plans]
    context = {
        "edition": edition,
        "result": result,
        "projects": project_ids_for(plan_ids),
        "picture": rule_picture(result.sections),
    }
    # A long page on a phone: the templates' indentation is left out (ui.html).
    return without_indentation(render(request, "outcomes/result.html", context))
