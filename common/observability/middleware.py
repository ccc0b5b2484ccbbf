"""The request id, the access line and the request metrics: the outermost middleware.

Each request gets an id: the proxy's ``X-Request-ID`` when the app runs behind a trusted proxy
(``TRUSTED_PROXY_COUNT`` > 0, the switch that also trusts X-Forwarded-For) and the value is sane,
else a new one. It is bound for every log line made while the request runs and returned as the
response's ``X-Request-ID``, so a resident's "something went wrong" can be found. When the response
leaves, one access line (logger ``buurtbudget.request``) and the request metrics record the route
name, never the path: the path may hold a code or a token.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from . import context
from .logging import route_of
from .metrics import observe_request

access_log = logging.getLogger("buurtbudget.request")

# Probes and scrapes come every few seconds from machines, not people: their lines are DEBUG.
QUIET_ROUTES = frozenset({"operations:healthz", "operations:readyz", "operations:metrics"})
HEADER = "X-Request-ID"


class RequestObservabilityMiddleware:
    """Binds the request id, times the request, writes its access line and metrics, returns the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        request_id = self._incoming_id(request) or context.new_request_id()
        request.request_id = request_id  # type: ignore[attr-defined]  # Django logs some errors after us
        bound = context.bind(request_id=request_id, route="")
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            route = route_of(request)
            status = response.status_code
            observe_request(route=route, method=request.method or "", status=status, seconds=seconds)
            access_log.log(
                logging.DEBUG if route in QUIET_ROUTES and status < 400 else logging.INFO,
                "%s %s %s",
                request.method,
                route,
                status,
                extra={
                    "route": route,
                    "method": request.method,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            response.headers[HEADER] = request_id
            return response
        finally:
            bound.reset()

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any) -> None:
        """The URL is resolved now: later lines of this request carry its route."""
        context.route.set(route_of(request))

    @staticmethod
    def _incoming_id(request: HttpRequest) -> str:
        if int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0) <= 0:
            return ""  # a client could write anything into the header: only a proxy's is believed
        return context.sane_request_id(request.META.get("HTTP_X_REQUEST_ID"))
