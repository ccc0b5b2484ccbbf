"""URLs of the citizens' panel (namespace ``deliberation``), mounted at /panel/."""

from django.urls import path

from .views import draw, public

app_name = "deliberation"
urlpatterns = [
    path("<slug:slug>/", public.panel, name="panel"),
    path("<slug:slug>/bestanden/<str:filename>", public.download, name="download"),
    path("<slug:slug>/loting/", draw.draw, name="draw"),
    path("<slug:slug>/quota/", draw.quotas, name="quotas"),
    path("<slug:slug>/loting/lid/<int:pk>/vervangen/", draw.replace, name="replace"),
]
