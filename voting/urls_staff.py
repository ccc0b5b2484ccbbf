"""URLs of voting/urls_staff.py (filled in by its views)."""

from django.urls import URLPattern

app_name = "voting_staff"

urlpatterns: list[URLPattern] = []
