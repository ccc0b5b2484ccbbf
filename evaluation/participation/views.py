"""The live turnout page for officials while residents vote (refreshes itself with htmx every 30 s)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from editions.decorators import Gate, edition_action
from editions.models import Edition
from editions.permissions import is_open, phases_opening
from editions.phases import Action

from .live import CACHE_SECONDS, LAG_SHARE, live_turnout, turnout_chart


@never_cache
@edition_action(Action.WATCH_TURNOUT, gate=Gate.ROLES)
@require_safe
def live(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Officials of the district, in any phase of an edition where residents vote (live during the vote)."""
    if not phases_opening(edition, Action.WATCH_TURNOUT):
        raise Http404
    figures = live_turnout(edition)
    context = {
        "edition": edition,
        "live": figures,
        "chart": turnout_chart(figures),
        "voting": is_open(edition, Action.WATCH_TURNOUT),
        "refresh_seconds": CACHE_SECONDS,
        "lag_percent": round(LAG_SHARE * 100),
    }
    partial = request.headers.get("HX-Request") == "true"
    template = "evaluation/participation/_live.html" if partial else "evaluation/participation/live.html"
    return render(request, template, context)
