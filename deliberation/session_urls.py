"""URLs of the panel's work sessions (namespace ``panel_sessions``), mounted at /panel/."""

from django.urls import path

from .views import sessions

app_name = "panel_sessions"
urlpatterns = [
    path("<slug:slug>/sessies/", sessions.session_list, name="list"),
    path("<slug:slug>/sessies/materiaal/", sessions.materials, name="materials"),
    path("<slug:slug>/sessies/<int:number>/", sessions.session_detail, name="session"),
    path("<slug:slug>/vragen/", sessions.questions, name="questions"),
    path("<slug:slug>/bijeenkomsten/", sessions.public, name="public"),
]
