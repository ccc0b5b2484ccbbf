"""URLs of carrying out (namespace ``execution``), mounted at /uitvoering/.

Each part keeps its routes in its own block below, in the order of a project's life.
"""

from django.urls import path

from .agreements.views import agreement as agreements
from .agreements.views import set_up
from .projects import views as projects

app_name = "execution"
urlpatterns = [
    # Projects: the edition's overview and the project's public page.
    path("<slug:slug>/", projects.overview, name="overview"),
    path("project/<int:pk>/", projects.project, name="project"),
    # The agreement: milestones, payment schedule, conditions; versions confirmed by both sides.
    path("project/<int:pk>/inrichten/", set_up.set_up, name="project_set_up"),
    path("project/<int:pk>/afspraken/", agreements.agreement, name="agreement"),
    path("project/<int:pk>/afspraken/voorstel/", agreements.propose, name="agreement_propose"),
    path("project/<int:pk>/afspraken/<int:number>/bevestigen/", agreements.confirm, name="agreement_confirm"),
    path(
        "project/<int:pk>/afspraken/<int:number>/intrekken/", agreements.withdraw, name="agreement_withdraw"
    ),
    path("project/<int:pk>/afspraken/geschiedenis/", agreements.history, name="agreement_history"),
    # The ledger: payments, expenses with receipts, district decisions, the finance import.
    # Progress: updates with photos, status, moderation; blockers and help requests.
    # Following and reminders.
    # Completion: the final report and the district's acceptance.
]
