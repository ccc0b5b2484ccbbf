"""URLs of the JSON API (outside the language prefixes: /api/...)."""

from django.urls import URLPattern

app_name = "api"

urlpatterns: list[URLPattern] = []
