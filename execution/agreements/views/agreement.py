"""The agreement of a project for its owners and the district: propose, confirm, withdraw; its history."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import services
from ..forms import AcceptForm, DeclineForm, ProposalForms
from ..selectors import agreement_page, agreement_summary
from .common import (
    attempt,
    load_project,
    load_version,
    page_context,
    party_only,
    public_project,
    render_page,
    status_of,
    user_of,
)


@require_safe
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement in force, the version waiting for confirmation, and every version."""
    return render_page(request, party_only(request, load_project(pk)))


@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose the next version: milestones and payments as rows, conditions, what changes and why."""
    project = party_only(request, load_project(pk))
    page = agreement_page(project)
    posted = request.POST if request.method == "POST" else None
    forms = ProposalForms.of(project, data=posted, start=page.in_force)
    status = 200
    if posted is not None and "more_rows" not in posted:
        status = _submit(request, forms)
        if status == 302:
            return redirect("execution:agreement", pk=project.pk)
    return render(
        request, "execution/agreements/propose.html", {**page_context(page), "forms": forms}, status=status
    )


def _submit(request: HttpRequest, forms: ProposalForms) -> int:
    """Propose what was typed: 302 when proposed, else the status of what was wrong (shown on the form)."""
    if not forms.is_valid():
        return 400
    milestones, payments = forms.terms()
    error = attempt(
        lambda: services.propose_agreement(
            project=forms.project,
            by=user_of(request),
            milestones=milestones,
            payments=payments,
            **forms.reasons.cleaned_data,
        )
    )
    if error is None:
        return 302
    forms.reasons.add_error(None, error.message)
    return status_of(error)


@require_POST
def confirm(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Confirm the waiting version for one's side (a change with the public reason for accepting it)."""
    project = party_only(request, load_project(pk))
    form = AcceptForm(request.POST)
    reason = form.cleaned_data.get("acceptance_reason", "") if form.is_valid() else ""
    error = attempt(
        lambda: services.confirm_agreement(
            agreement=load_version(project, number), by=user_of(request), acceptance_reason=reason
        )
    )
    if error is None:
        return redirect("execution:agreement", pk=project.pk)
    return render_page(request, project, error=error, accept_form=form)


@require_POST
def withdraw(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The proposing side takes back the version waiting for confirmation."""
    project = party_only(request, load_project(pk))
    error = attempt(
        lambda: services.withdraw_agreement(agreement=load_version(project, number), by=user_of(request))
    )
    if error is None:
        return redirect("execution:agreement", pk=project.pk)
    return render_page(request, project, error=error)


@require_POST
def decline(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The other side turns down the waiting version, with a reason the proposer reads."""
    project = party_only(request, load_project(pk))
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["decline_reason"] if form.is_valid() else ""
    error = attempt(
        lambda: services.decline_agreement(
            agreement=load_version(project, number), by=user_of(request), reason=reason
        )
    )
    if error is None:
        return redirect("execution:agreement", pk=project.pk)
    return render_page(request, project, error=error, decline_form=form)


@require_safe
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: the agreement in force and the changes accepted, with their reasons."""
    project = public_project(pk)
    context = {"project": project, "edition": project.edition, "summary": agreement_summary(project)}
    return render(request, "execution/agreements/history.html", context)
