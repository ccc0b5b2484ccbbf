"""GET /metrics: the Prometheus text format, for scrapers at the allowed addresses only."""

from __future__ import annotations

import os

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

from .access import may_scrape
from .collectors import CountCollector, Guarded, TaskQueueCollector
from .gunicorn import ENVIRONMENT_VARIABLE

# Read at every scrape, never at registration (auto_describe off): no database work at import.
_database = CollectorRegistry(auto_describe=False)
_database.register(Guarded("tasks", TaskQueueCollector()))
_database.register(Guarded("counts", CountCollector()))


def _process_metrics() -> bytes:
    """The request and cast counters: every worker's files under gunicorn, this process's otherwise."""
    if os.environ.get(ENVIRONMENT_VARIABLE):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    if not may_scrape(request):
        raise Http404
    return HttpResponse(_process_metrics() + generate_latest(_database), content_type=CONTENT_TYPE_LATEST)
