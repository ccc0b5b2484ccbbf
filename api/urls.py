"""URLs of the JSON API (outside the language prefixes: /api/...)."""

from django.urls import URLPattern, path

from . import views

app_name = "api"

urlpatterns: list[URLPattern] = [
    path("schema", views.schema, name="schema"),
    path("v1/editions/<slug:slug>/ballots", views.ballots, name="ballots"),
    path("v1/editions/<slug:slug>/ballot", views.ballot, name="ballot"),
    path("v1/editions/<slug:slug>/voter", views.voter, name="voter"),
]
