"""URLs for plans (namespace ``proposals``)."""

from django.urls import path

from .views import public

app_name = "proposals"
urlpatterns = [
    path("", public.plan_list, name="list"),
]
