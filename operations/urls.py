"""Operational endpoints, outside the language prefixes: health and readiness, metrics."""

from django.urls import URLPattern, URLResolver, include, path

app_name = "operations"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("operations.health.urls")),
    path("", include("operations.metrics.urls")),
]
