"""A resident's own plans: the "My plans" list, withdrawing a plan and deleting a draft."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from proposals.errors import PlanError
from proposals.selectors.own_plans import open_invitations, own_plan, plans_of
from proposals.services import submission

from .steps import user_of


@login_required
def my_plans(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    return render(
        request,
        "proposals/my_plans.html",
        {
            "rows": plans_of(user=user),
            "invitations": open_invitations(user=user),
            "withdrawable": [str(status) for status in submission.WITHDRAWABLE_STATUSES],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = own_plan(pk=pk, user=user_of(request))
    if plan is None:
        raise Http404
    error = None
    try:
        submission.check_may_withdraw(plan=plan, user=user_of(request))
        if request.method == "POST":
            submission.withdraw_plan(plan=plan, by=user_of(request))
            messages.success(request, _("Your plan has been withdrawn."))
            return redirect("proposals:my_plans")
    except PlanError as refused:
        error = refused.message
    return render(
        request,
        "proposals/withdraw_confirm.html",
        {"plan": plan, "error": error},
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan = own_plan(pk=pk, user=user_of(request))
    if plan is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            submission.delete_draft(plan=plan, by=user_of(request))
        except PlanError as refused:
            error = refused.message
        else:
            messages.success(request, _("Your draft has been deleted."))
            return redirect("proposals:my_plans")
    return render(request, "proposals/delete_confirm.html", {"plan": plan, "error": error})
