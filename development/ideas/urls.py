"""Routes of the development track's ideas (namespace ``development``, mounted at /ontwikkelen/)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
