"""URLs for pages (namespace ``pages``)."""

from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("stadsdelen/<slug:slug>/", views.district_detail, name="district"),
    path("mijn-buurt/", views.neighbourhood_finder, name="neighbourhood"),
    path("edities/<slug:slug>/", views.edition_detail, name="edition"),
    # Under /plannen/ with the list (proposals), but composed here: it shows the review too.
    path("plannen/<int:pk>/", views.plan_detail, name="plan"),
    path("hoe-werkt-het/", views.about, name="about"),
    path("werk/", views.workspace, name="workspace"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
