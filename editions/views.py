"""The public edition page: budget, themes, the phase timeline with what a resident can do now, plans."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from proposals.selectors import PlanFilter, filter_plans, plan_counts_by_status

from .phases import PhaseKind
from .selectors import edition_for_page
from .timeline import timeline_of

PLANS_ON_PAGE = 12


def edition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    edition = edition_for_page(slug)
    if edition is None:
        raise Http404
    timeline = timeline_of(edition)
    plans = filter_plans(PlanFilter(edition=edition))
    counts = plan_counts_by_status(edition)
    return render(
        request,
        "editions/edition_detail.html",
        {
            "edition": edition,
            "timeline": timeline,
            "current": timeline.current,
            "upcoming": timeline.upcoming,
            "is_decision": timeline.current is not None and timeline.current.phase.kind == PhaseKind.DECISION,
            "plans": plans[:PLANS_ON_PAGE],
            "plan_count": sum(counts.values()),
            "sub_budgets": edition.sub_budgets.all(),
            "themes": edition.themes.all(),
        },
    )
