"""URLs for pages (namespace ``pages``)."""

from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("stadsdelen/<slug:slug>/", views.district_detail, name="district"),
    path("edities/<slug:slug>/", views.edition_detail, name="edition"),
    path("hoe-werkt-het/", views.about, name="about"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
