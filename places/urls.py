"""URLs for places (namespace ``places``)."""

from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("<slug:slug>/", views.district_detail, name="district"),
]
