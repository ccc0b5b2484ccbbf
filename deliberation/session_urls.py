"""URLs of the panel's work sessions (namespace ``panel_sessions``), mounted at /panel/."""

from django.urls import URLPattern

app_name = "panel_sessions"
urlpatterns: list[URLPattern] = []
