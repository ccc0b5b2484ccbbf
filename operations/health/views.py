"""Health endpoints for load balancers and operators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from .checks import readiness


def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers: no database work (also the baseline the page benchmark compares against)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """This node can serve: 200 when every required check is ok, else 503; JSON naming each check.

    No check ever raises (each failure is a state), so a broken dependency is a 503, never a 500.
    The body holds states, timings and counts only: no host names, no personal data.
    """
    ready, checks = readiness()
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "checks": checks}, status=200 if ready else 503
    )
