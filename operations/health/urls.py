"""/healthz (the process answers) and /readyz (it can serve: database, cache, workers, migrations)."""

from django.urls import URLPattern, path

from .views import healthz, readyz

urlpatterns: list[URLPattern] = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
