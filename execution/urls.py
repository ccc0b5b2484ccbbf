"""URLs of carrying out (namespace ``execution``), mounted at /uitvoering/.

Each part keeps its routes in its own block below, in the order of a project's life.
"""

from django.urls import path

from .obstacles import views as obstacles
from .progress import views as progress
from .projects import views as projects

app_name = "execution"
urlpatterns = [
    # Projects: the edition's overview and the project's public page.
    path("<slug:slug>/", projects.overview, name="overview"),
    path("project/<int:pk>/", projects.project, name="project"),
    # The agreement: milestones, payment schedule, conditions; versions confirmed by both sides.
    # The ledger: payments, expenses with receipts, district decisions, the finance import.
    # Progress: updates with photos, status, moderation; blockers and help requests.
    path("project/<int:pk>/voortgang/", progress.post_update, name="post_update"),
    path("project/<int:pk>/status/", progress.change_status, name="change_status"),
    path("bericht/<int:pk>/verbergen/", progress.hide_update, name="hide_update"),
    path("project/<int:pk>/obstakel/", obstacles.record_blocker, name="record_blocker"),
    path("obstakel/<int:pk>/opgelost/", obstacles.resolve_blocker, name="resolve_blocker"),
    path("project/<int:pk>/hulpvraag/", obstacles.ask_for_help, name="ask_for_help"),
    path("hulpvraag/<int:pk>/antwoord/", obstacles.answer_help_request, name="answer_help_request"),
    # Following and reminders.
    # Completion: the final report and the district's acceptance.
]
