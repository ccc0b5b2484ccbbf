"""Public plan pages: the filterable list and a plan's detail page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from editions.timeline import timeline_of

from . import selectors
from .forms import PlanFilterForm

PAGE_SIZE = 24


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


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for_detail(pk)
    if plan is None:
        raise Http404
    return render(
        request,
        "proposals/plan_detail.html",
        {"plan": plan, "cost_lines": plan.cost_lines.all(), "timeline": timeline_of(plan.edition)},
    )
