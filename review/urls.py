"""URLs of the review workspace (namespace ``review``), mounted at /beoordelen/."""

from django.urls import path

from .prechecks import views as prechecks
from .views import plan, queue, shortlist

app_name = "review"
urlpatterns = [
    # The pre-check of a draft (review.prechecks); first, so "eerste-check" is never taken for an edition.
    path("eerste-check/plan/<int:pk>/", prechecks.plan_prechecks, name="plan_prechecks"),
    path("eerste-check/<int:pk>/", prechecks.precheck, name="precheck"),
    path("<slug:slug>/eerste-checks/", prechecks.queue, name="precheck_queue"),
    path("<slug:slug>/", queue.queue, name="queue"),
    path("<slug:slug>/starten/", queue.start_reviews, name="start_reviews"),
    path("<slug:slug>/publiceren/", queue.publish_verdicts, name="publish_verdicts"),
    path("<slug:slug>/plan/<int:pk>/", plan.plan_review, name="plan"),
    path("<slug:slug>/shortlist/", shortlist.shortlist, name="shortlist"),
]
