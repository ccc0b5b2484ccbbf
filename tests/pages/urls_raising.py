"""A URL conf with the site's URLs plus one view that fails, to see the 500 page a resident gets."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

SECRET = "database password is hunter2"


def explode(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET)


urlpatterns = [path("ontploffen/", explode), *site_urlpatterns]
