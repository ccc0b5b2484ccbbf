"""Health endpoints for load balancers and operators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers: no database work (also the baseline the page benchmark compares against)."""
    return HttpResponse("ok", content_type="text/plain")
