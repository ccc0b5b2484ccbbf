"""URLs of the review workspace (namespace ``review``), mounted at /beoordelen/."""

from django.urls import path

from .views import plan, queue, shortlist

app_name = "review"
urlpatterns = [
    path("<slug:slug>/", queue.queue, name="queue"),
    path("<slug:slug>/starten/", queue.start_reviews, name="start_reviews"),
    path("<slug:slug>/publiceren/", queue.publish_verdicts, name="publish_verdicts"),
    path("<slug:slug>/plan/<int:pk>/", plan.plan_review, name="plan"),
    path("<slug:slug>/shortlist/", shortlist.shortlist, name="shortlist"),
]
