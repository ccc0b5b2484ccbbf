"""URLs of the review workspace (namespace ``review``), mounted at /beoordelen/."""

from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("<slug:slug>/", views.queue, name="queue"),
    path("<slug:slug>/starten/", views.start_reviews, name="start_reviews"),
    path("<slug:slug>/publiceren/", views.publish_verdicts, name="publish_verdicts"),
    path("<slug:slug>/plan/<int:pk>/", views.plan_review, name="plan"),
    path("<slug:slug>/shortlist/", views.shortlist, name="shortlist"),
]
