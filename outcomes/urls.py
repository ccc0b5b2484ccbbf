"""URLs of the results (namespace ``outcomes``), mounted at /uitslag/."""

from django.urls import path

from . import views, views_panel

app_name = "outcomes"
urlpatterns = [
    path("<slug:slug>/", views.result, name="result"),
    path("<slug:slug>/stembiljetten/<slug:key>.pb", views.ballots, name="ballots"),
    path("<slug:slug>/uitslag.json", views.result_json, name="result_json"),
    path("<slug:slug>/uitslag.csv", views.result_csv, name="result_csv"),
    path("<slug:slug>/advies/<slug:key>.pb", views.advice_ballots, name="advice_ballots"),
    path("<slug:slug>/tellen/", views.count, name="count"),
    path("<slug:slug>/panel/", views_panel.panel_decision, name="panel_decision"),
]
