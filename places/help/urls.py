"""The help pages' routes, mounted under /hulp/ by ``places.urls`` (namespace ``places``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.help_index, name="help"),
    path("<slug:slug>/", views.help_district, name="help_district"),
]
