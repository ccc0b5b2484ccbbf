"""URLs for pages (namespace ``pages``)."""

from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("hoe-werkt-het/", views.about, name="about"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
