"""URLs of voting/urls.py (filled in by its views)."""

from django.urls import URLPattern

app_name = "voting"

urlpatterns: list[URLPattern] = []
