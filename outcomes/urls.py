"""URLs of outcomes/urls.py (filled in by its views)."""

from django.urls import URLPattern

app_name = "outcomes"

urlpatterns: list[URLPattern] = []
