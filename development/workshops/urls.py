"""Routes of the development track's workshops (namespace ``development``, mounted at /ontwikkelen/)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
