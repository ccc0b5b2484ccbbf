"""Routes of the development track's coaching (namespace ``development``, mounted at /ontwikkelen/)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
