"""URLs for editions (namespace ``editions``)."""

from django.urls import path

from . import views

app_name = "editions"
urlpatterns = [
    path("<slug:slug>/", views.edition_detail, name="detail"),
]
