"""URLs of the results (namespace ``outcomes``), mounted at /uitslag/."""

from django.urls import path

from .views import count, downloads, panel, result
from .whatif import views as whatif
from .yourpart import views as yourpart

app_name = "outcomes"
urlpatterns = [
    path("<slug:slug>/", result.result, name="result"),
    path("<slug:slug>/stembiljetten/<slug:key>.pb", downloads.ballots, name="ballots"),
    path("<slug:slug>/uitslag.json", downloads.result_json, name="result_json"),
    path("<slug:slug>/uitslag.csv", downloads.result_csv, name="result_csv"),
    path("<slug:slug>/advies/<slug:key>.pb", downloads.advice_ballots, name="advice_ballots"),
    path("<slug:slug>/tellen/", count.count, name="count"),
    path("<slug:slug>/panel/", panel.panel_decision, name="panel_decision"),
    path("<slug:slug>/wat-als/", whatif.what_if_page, name="what_if"),
    path("<slug:slug>/wat-als/samen.pb", whatif.pooled, name="what_if_pooled"),
    path("<slug:slug>/mijn-deel/", yourpart.your_part_page, name="your_part"),
]
