"""URLs of carrying out (namespace ``execution``), mounted at /uitvoering/.

Each part keeps its routes in its own block below, in the order of a project's life.
"""

from django.urls import path

from .agreements.views import agreement as agreements
from .agreements.views import set_up
from .completion import views as completion
from .following import views as following
from .ledger import views as ledger
from .obstacles import views as obstacles
from .progress import views as progress
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
    path("project/<int:pk>/inrichten/", set_up.set_up, name="project_set_up"),
    path("project/<int:pk>/afspraken/", agreements.agreement, name="agreement"),
    path("project/<int:pk>/afspraken/voorstel/", agreements.propose, name="agreement_propose"),
    path("project/<int:pk>/afspraken/<int:number>/bevestigen/", agreements.confirm, name="agreement_confirm"),
    path(
        "project/<int:pk>/afspraken/<int:number>/intrekken/", agreements.withdraw, name="agreement_withdraw"
    ),
    path("project/<int:pk>/afspraken/<int:number>/afwijzen/", agreements.decline, name="agreement_decline"),
    path("project/<int:pk>/afspraken/geschiedenis/", agreements.history, name="agreement_history"),
    # The ledger: payments, expenses with receipts, district decisions, the finance import.
    path("project/<int:pk>/geld/", ledger.ledger, name="ledger"),
    path("project/<int:pk>/geld/betaling/", ledger.payment, name="record_payment"),
    path("project/<int:pk>/geld/besluit/<str:kind>/", ledger.decision, name="ledger_decision"),
    path("project/<int:pk>/geld/uitgave/", ledger.expense, name="report_expense"),
    path("bon/<int:pk>/", ledger.receipt, name="receipt"),
    path("<slug:slug>/betalingen-importeren/", ledger.import_page, name="import_payments"),
    # Progress: updates with photos, status, moderation; blockers and help requests.
    path("project/<int:pk>/voortgang/", progress.post_update, name="post_update"),
    path("project/<int:pk>/status/", progress.change_status, name="change_status"),
    path("bericht/<int:pk>/verbergen/", progress.hide_update, name="hide_update"),
    path("project/<int:pk>/obstakel/", obstacles.record_blocker, name="record_blocker"),
    path("obstakel/<int:pk>/opgelost/", obstacles.resolve_blocker, name="resolve_blocker"),
    path("project/<int:pk>/hulpvraag/", obstacles.ask_for_help, name="ask_for_help"),
    path("hulpvraag/<int:pk>/antwoord/", obstacles.answer_help_request, name="answer_help_request"),
    # Following and reminders.
    path("project/<int:pk>/volgen/", following.follow_project, name="follow_project"),
    path("project/<int:pk>/ontvolgen/", following.unfollow_project, name="unfollow_project"),
    path("<slug:slug>/volgen/", following.follow_edition, name="follow_edition"),
    path("<slug:slug>/ontvolgen/", following.unfollow_edition, name="unfollow_edition"),
    path("volgen/wat-ik-volg/", following.followed, name="followed"),
    # Completion: the final report and the district's acceptance.
    path("project/<int:pk>/eindverslag/", completion.final_report, name="final_report"),
    path("eindverslag/<int:pk>/", completion.review, name="report_review"),
]
