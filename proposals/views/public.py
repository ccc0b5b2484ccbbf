"""Public pages of plans: the filterable list and one revision (the detail page is composed in ``pages``)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from common.pagecache import cached_page
from proposals import selectors
from proposals.forms import PlanFilterForm
from proposals.selectors import plan_for_detail
from proposals.selectors.revisions import revision_diff, revision_of, snapshot_fields

PAGE_SIZE = 24


# The filter form's fields and the page number: each combination is its own cached page.
@cached_page(query=("q", "edition", "neighbourhood", "theme", "status", "sort", "pagina"))
def plan_list(request: HttpRequest) -> HttpResponse:
    form = PlanFilterForm(request.GET)
    plans = selectors.filter_plans(form.to_filter())
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "proposals/plan_list.html",
        {"form": form, "page": page, "plans": page.object_list, "query": query.urlencode()},
    )


def revision(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One revision of a plan and what it changed (the first: every field as it was submitted)."""
    plan = plan_for_detail(pk)
    if plan is None:
        raise Http404
    current = revision_of(plan=plan, number=number)
    if current is None:
        raise Http404
    previous = revision_of(plan=plan, number=number - 1) if number > 1 else None
    return render(
        request,
        "proposals/revision_detail.html",
        {
            "plan": plan,
            "revision": current,
            "previous": previous,
            "changes": revision_diff(older=previous, newer=current) if previous else [],
            "fields": snapshot_fields(current) if previous is None else [],
        },
    )
