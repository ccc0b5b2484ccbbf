"""Answering an invitation to become a plan's co-initiator (the link in the invitation e-mail)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from proposals.errors import PlanError
from proposals.models import CoInitiator
from proposals.services import co_initiators

from .steps import user_of

TEMPLATE = "proposals/invitation.html"


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation and two buttons; POST answers it (mail scanners only GET)."""
    invited = co_initiators.invitation_for_token(token)
    if invited is None:
        return render(request, TEMPLATE, {"error": PlanError("invalid_invitation").message}, status=400)
    if not request.user.is_authenticated:
        return render(request, TEMPLATE, {"invitation": invited, "login_needed": True})
    error = None
    if request.method == "POST":
        error = _answer(request, invited)
        if error is None:
            return redirect("proposals:my_plans")
    elif user_of(request).email.lower() != invited.email.lower():
        error = PlanError("invitation_not_for_you").message
    return render(request, TEMPLATE, {"invitation": invited, "error": error}, status=400 if error else 200)


def _answer(request: HttpRequest, invited: CoInitiator) -> str | None:
    """Accept or decline: None (and a message to show) when done, else the refusal's message."""
    accept = request.POST.get("answer") == "accept"
    try:
        co_initiators.answer_invitation(invitation=invited, user=user_of(request), accept=accept)
    except PlanError as refused:
        return refused.message
    if accept:
        messages.success(
            request, _("You are now a co-initiator of “%(plan)s”.") % {"plan": invited.plan.title}
        )
    else:
        messages.success(request, _("You have declined the invitation."))
    return None
