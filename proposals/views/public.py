"""The public, filterable list of plans (the detail page is composed in ``pages``)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from proposals import selectors
from proposals.forms import PlanFilterForm

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
