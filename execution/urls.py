"""URLs of carrying out (namespace ``execution``), mounted at /uitvoering/.

Each part keeps its routes in its own block below, in the order of a project's life.
"""

from django.urls import path

from .projects import views as projects

app_name = "execution"
urlpatterns = [
    # Projects: the edition's overview and the project's public page.
    path("<slug:slug>/", projects.overview, name="overview"),
    path("project/<int:pk>/", projects.project, name="project"),
    path("<slug:slug>/open-data/<slug:table>.csv", projects.export_csv, name="export_csv"),
    path("<slug:slug>/open-data/<slug:table>.json", projects.export_json, name="export_json"),
    path("<slug:slug>/werk/", projects.district_work, name="district_work"),
    # The agreement: milestones, payment schedule, conditions; versions confirmed by both sides.
    # The ledger: payments, expenses with receipts, district decisions, the finance import.
    # Progress: updates with photos, status, moderation; blockers and help requests.
    # Following and reminders.
    # Completion: the final report and the district's acceptance.
]
