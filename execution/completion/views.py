"""The final report's pages: the initiators submit it; the district accepts it or returns it with a note."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import User
from common.errors import ServiceError
from editions.permissions import holds_action_roles
from editions.phases import Action

from ..access import is_owner
from ..ledger.selectors import project_ledger
from ..ledger.views import status_of
from ..models import FinalReport, Project
from .forms import FinalReportForm, ReturnForm
from .selectors import reports_of
from .services import accept_final_report, return_final_report, submit_final_report


def _owned(request: HttpRequest, pk: int) -> tuple[Project, User]:
    project, user = get_object_or_404(Project.objects.select_related("plan", "edition"), pk=pk), request.user
    if not is_owner(user, project) or not isinstance(user, User):
        raise PermissionDenied
    return project, user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def final_report(request: HttpRequest, pk: int) -> HttpResponse:
    project, user = _owned(request, pk)
    form = FinalReportForm(request.POST or None, request.FILES or None)
    status = 200 if request.method != "POST" else 400
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submit_final_report(
                project=project, by=user, achieved=data["achieved"],
                participants=data["participants"], beneficiaries=data["beneficiaries"], photos=form.photos(),
            )  # fmt: skip
        except ServiceError as error:
            form.add_error(None, error.message)
            status = status_of(error)
        else:
            messages.success(request, _("Your final report was sent to the district."))
            return redirect("execution:final_report", pk=project.pk)
    context = {
        "project": project,
        "form": form,
        "reports": reports_of(project),
        "ledger": project_ledger(project),
    }
    return render(request, "execution/completion/report.html", context, status=status)


def _decided(report: FinalReport, user: User, decision: str, form: ReturnForm) -> bool:
    """Accept, or return with the form's note; False when the form has errors to show."""
    if decision == "accept":
        accept_final_report(report=report, by=user)
        return True
    if form.is_valid():
        return_final_report(report=report, by=user, note=form.cleaned_data["note"])
        return True
    return False


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(FinalReport.objects.select_related("project__plan", "project__edition"), pk=pk)
    project, user = report.project, request.user
    if not holds_action_roles(user, Action.MANAGE_EXECUTION, project.edition) or not isinstance(user, User):
        raise PermissionDenied
    decision = request.POST.get("decision", "")
    form = ReturnForm(request.POST if decision == "return" else None)
    status = 200 if request.method != "POST" else 400
    if request.method == "POST":
        try:
            if _decided(report, user, decision, form):
                messages.success(request, _("Your decision on the final report was saved."))
                return redirect("execution:report_review", pk=report.pk)
        except ServiceError as error:
            form.add_error(None, error.message)
            status = status_of(error)
    context = {"report": report, "project": project, "form": form, "ledger": project_ledger(project)}
    return render(request, "execution/completion/review.html", context, status=status)
