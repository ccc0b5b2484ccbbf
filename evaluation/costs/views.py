"""The officials' page of what running an edition cost: the lines, adding one, removing one."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.phases import Action

from ..models import ProcessCost
from .forms import CostForm
from .selectors import cost_figures, cost_lines
from .services import add_cost, remove_cost

COSTS_TASK = Task(gettext_lazy("Cost of running the edition"), order=140)


def _added(form: CostForm, edition: Edition, user: User) -> bool:
    """Add the form's line; False (with the refusal on the form) when the service refuses it."""
    data = form.cleaned_data
    try:
        add_cost(
            edition=edition,
            by=user,
            description=data["description"],
            staff_hours=data["staff_hours"] or Decimal(0),
            amount_cents=data["amount"] or 0,
        )
    except ServiceError as error:
        form.add_error(None, error.message)
        return False
    return True


@require_http_methods(["GET", "HEAD", "POST"])
@edition_action(Action.EVALUATE, gate=Gate.ROLES, task=COSTS_TASK)
def costs(request: HttpRequest, edition: Edition) -> HttpResponse:
    assert isinstance(request.user, User)
    form = CostForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _added(form, edition, request.user):
        messages.success(request, _("The cost was added."))
        return redirect("evaluation:costs", slug=edition.slug)
    status = 400 if request.method == "POST" else 200
    context = {
        "edition": edition,
        "form": form,
        "lines": cost_lines(edition),
        "totals": cost_figures(edition),
    }
    return render(request, "evaluation/costs/costs.html", context, status=status)


@require_POST
@edition_action(Action.EVALUATE, gate=Gate.ROLES)
def remove(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    assert isinstance(request.user, User)
    cost = ProcessCost.objects.select_related("edition__district").filter(pk=pk, edition=edition).first()
    if cost is None:
        raise Http404
    try:
        remove_cost(cost=cost, by=request.user, edition=edition)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The cost was removed."))
    return redirect("evaluation:costs", slug=edition.slug)
