"""URLs for plans (namespace ``proposals``)."""

from django.urls import path

from . import views

app_name = "proposals"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
]
