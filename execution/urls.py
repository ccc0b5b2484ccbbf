"""URLs of carrying out (namespace ``execution``), mounted at /uitvoering/.

Each part keeps its routes in its own block below, in the order of a project's life.
"""

from django.urls import path

from .following import views as following
from .projects import views as projects

app_name = "execution"
urlpatterns = [
    # Projects: the edition's overview and the project's public page.
    path("<slug:slug>/", projects.overview, name="overview"),
    path("project/<int:pk>/", projects.project, name="project"),
    # The agreement: milestones, payment schedule, conditions; versions confirmed by both sides.
    # The ledger: payments, expenses with receipts, district decisions, the finance import.
    # Progress: updates with photos, status, moderation; blockers and help requests.
    # Following and reminders.
    path("project/<int:pk>/volgen/", following.follow_project, name="follow_project"),
    path("project/<int:pk>/ontvolgen/", following.unfollow_project, name="unfollow_project"),
    path("<slug:slug>/volgen/", following.follow_edition, name="follow_edition"),
    path("<slug:slug>/ontvolgen/", following.unfollow_edition, name="unfollow_edition"),
    path("volgen/wat-ik-volg/", following.followed, name="followed"),
    # Completion: the final report and the district's acceptance.
]
