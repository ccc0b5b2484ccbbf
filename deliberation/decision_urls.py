"""URLs of the panel's decision (namespace ``panel_decision``), mounted at /panel/."""

from django.urls import URLPattern

app_name = "panel_decision"
urlpatterns: list[URLPattern] = []
