"""URLs for places (namespace ``places``): the help pages of each district."""

from django.urls import include, path

from .help import urls as help_urls

app_name = "places"
urlpatterns = [
    path("hulp/", include(help_urls)),
]
