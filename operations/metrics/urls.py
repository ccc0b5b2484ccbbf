"""/metrics for Prometheus."""

from django.urls import URLPattern, path

from .views import metrics

urlpatterns: list[URLPattern] = [
    path("metrics", metrics, name="metrics"),
]
