"""URLs for outreach (namespace ``outreach``): the officials' postcode table."""

from django.urls import URLPattern, path

from .postcodes import views as postcodes

app_name = "outreach"
urlpatterns: list[URLPattern] = [
    path("postcodes/<slug:slug>/", postcodes.postcode_table, name="postcode_table"),
]
