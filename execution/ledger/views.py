"""The ledger's pages: the district's page per project, the initiators' expense form, receipts, the import.

Each POST calls one service; a refusal is shown on its form, translated, with the status it deserves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import User
from common.downloads import private_download
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import holds_action_roles
from editions.phases import Action

from ..access import is_owner
from ..models import Expense, LedgerDecisionKind, Project, ReceiptKind
from . import selectors
from .forms import DecisionForm, ExpenseForm, PaymentForm, PaymentImportForm
from .services.decisions import reallocate, return_to_edition, top_up
from .services.expenses import report_expense
from .services.imports import import_payments
from .services.payments import record_payment

IMPORT_TASK = Task(gettext_lazy("Payments from the finance system"), order=120)
FORBIDDEN = frozenset({"not_allowed", "not_an_owner", "not_district"})
CONFLICTS = frozenset(
    {"over_award", "duplicate_reference", "already_settled", "project_closed", "over_budget"}
)


def status_of(error: ServiceError) -> int:
    """403 for who may not, 409 for what the ledger's state refuses, 400 for what the form said."""
    return 403 if error.code in FORBIDDEN else 409 if error.code in CONFLICTS else 400


def _load(request: HttpRequest, pk: int, *, district: bool) -> tuple[Project, User]:
    """The project and its district official (``district``) or owner; 404 unknown, 403 anyone else."""
    project = get_object_or_404(Project.objects.select_related("plan", "edition__district"), pk=pk)
    user = request.user
    allowed = (
        holds_action_roles(user, Action.MANAGE_EXECUTION, project.edition)
        if district
        else is_owner(user, project)
    )
    if not allowed or not isinstance(user, User):
        raise PermissionDenied
    return project, user


def _ledger_page(request: HttpRequest, project: Project, *, status: int = 200, **bound: Any) -> HttpResponse:
    chosen = bound.pop("decision_form", None)
    forms_ = [DecisionForm(project=project, kind=kind) for kind in LedgerDecisionKind]
    context: dict[str, Any] = {
        "project": project,
        "edition": project.edition,
        "ledger": selectors.project_ledger(project),
        "payments": selectors.payments_of(project),
        "expenses": selectors.expenses_of(project),
        "decisions": selectors.decisions_of(project),
        "payment_form": PaymentForm(project=project),
        "decision_forms": [chosen if chosen and f.kind == chosen.kind else f for f in forms_],
        **bound,
    }
    return render(request, "execution/ledger/project.html", context, status=status)


def _refused(form: forms.Form, error: ServiceError) -> int:
    form.add_error(None, error.message)
    return status_of(error)


@login_required
@require_safe
def ledger(request: HttpRequest, pk: int) -> HttpResponse:
    project, _user = _load(request, pk, district=True)
    return _ledger_page(request, project)


@login_required
@require_POST
def payment(request: HttpRequest, pk: int) -> HttpResponse:
    project, user = _load(request, pk, district=True)
    form = PaymentForm(request.POST, project=project)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            record_payment(
                line=data["line"], by=user, amount_cents=data["amount"], paid_on=data["paid_on"],
                reference=data["reference"], scheduled=data["scheduled"],
            )  # fmt: skip
        except ServiceError as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("The payment was recorded."))
            return redirect("execution:ledger", pk=project.pk)
    return _ledger_page(request, project, status=status, payment_form=form)


DECISIONS = {
    LedgerDecisionKind.REALLOCATE: lambda d, **kw: reallocate(
        from_line=d["from_line"], to_line=d["to_line"], **kw
    ),
    LedgerDecisionKind.TOP_UP: lambda d, **kw: top_up(line=d["to_line"], **kw),
    LedgerDecisionKind.RETURN: lambda d, **kw: return_to_edition(line=d["from_line"], **kw),
}


@login_required
@require_POST
def decision(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    project, user = _load(request, pk, district=True)
    if kind not in LedgerDecisionKind.values:
        raise Http404
    form = DecisionForm(request.POST, project=project, kind=LedgerDecisionKind(kind))
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            DECISIONS[form.kind](data, by=user, amount_cents=data["amount"], reason=data["reason"])
        except ServiceError as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("The decision was recorded and published with its reason."))
            return redirect("execution:ledger", pk=project.pk)
    return _ledger_page(request, project, status=status, decision_form=form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expense(request: HttpRequest, pk: int) -> HttpResponse:
    project, user = _load(request, pk, district=False)
    form = ExpenseForm(request.POST or None, request.FILES or None, project=project)
    status = 200 if request.method != "POST" else 400
    if request.method == "POST" and form.is_valid():
        data, upload = form.cleaned_data, form.cleaned_data["receipt"]
        try:
            report_expense(
                line=data["line"], by=user, amount_cents=data["amount"], spent_on=data["spent_on"],
                description=data["description"], receipt=upload, receipt_size=upload.size,
            )  # fmt: skip
        except ServiceError as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("The expense and its receipt were saved."))
            return redirect("execution:report_expense", pk=project.pk)
    context = {"project": project, "form": form, "ledger": selectors.project_ledger(project)}
    return render(request, "execution/ledger/expense.html", context, status=status)


@login_required
@require_safe
def receipt(request: HttpRequest, pk: int) -> HttpResponseBase:
    found = get_object_or_404(Expense.objects.select_related("project__edition"), pk=pk)
    user, project = request.user, found.project
    if not (is_owner(user, project) or holds_action_roles(user, Action.MANAGE_EXECUTION, project.edition)):
        raise PermissionDenied
    pdf = found.receipt_kind == ReceiptKind.PDF
    return private_download(
        Path(found.receipt.path),
        filename=f"bon-{found.pk}.{'pdf' if pdf else 'jpg'}",
        content_type="application/pdf" if pdf else "image/jpeg",
    )


@edition_action(Action.MANAGE_EXECUTION, gate=Gate.ROLES, task=IMPORT_TASK)
@require_http_methods(["GET", "HEAD", "POST"])
def import_page(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = PaymentImportForm(request.POST or None, request.FILES or None)
    status = 200 if request.method != "POST" else 400
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            count = import_payments(edition=edition, by=request.user, file=form.cleaned_data["file"])
        except ServiceError as error:
            status = _refused(form, error)
        else:
            messages.success(request, _("%(count)s payments were recorded.") % {"count": count})
            return redirect("execution:import_payments", slug=edition.slug)
    summary = selectors.edition_summary(edition)
    context = {"edition": edition, "form": form, "summary": summary}
    return render(request, "execution/ledger/import.html", context, status=status)
