"""The second way in, for residents without a letter: a one-time code mailed to their address."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from common.observability.metrics import record_refusal
from common.ratelimit import client_ip
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action

from ..errors import EligibilityError, VoteStateError
from ..forms.access import EmailForm, OneTimeCodeForm
from ..services import register_login
from .ballot import render_ballot, render_start, voting_page


def _refuse_unless_offered(edition: Edition) -> None:
    """404 unless the edition offers the e-mail check (it has a resident register)."""
    if not register_login.offers_email_check(edition):
        raise Http404


@never_cache
@require_http_methods(["GET", "POST"])
@voting_page
def request_code(request: HttpRequest, edition: Edition) -> HttpResponse:
    _refuse_unless_offered(edition)
    if not is_open(edition, Action.VOTE):
        return render_start(request, edition)
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            register_login.request_one_time_code(
                edition=edition, email=form.cleaned_data["email"], client_ip=client_ip(request)
            )
        except VoteStateError as error:
            return render_start(request, edition, error=error.message)
        code_form = OneTimeCodeForm(initial={"email": form.cleaned_data["email"]})
        return _render_code_page(request, edition, code_form, form.cleaned_data["email"])
    return render(request, "voting/email_request.html", {"edition": edition, "form": form})


def _render_code_page(
    request: HttpRequest, edition: Edition, form: OneTimeCodeForm, email: str
) -> HttpResponse:
    return render(request, "voting/email_code.html", {"edition": edition, "form": form, "email": email})


@never_cache
@require_POST
@voting_page
def verify_code(request: HttpRequest, edition: Edition) -> HttpResponse:
    _refuse_unless_offered(edition)
    if request.POST.get("language_switch"):  # the switch re-posts what was typed: keep it, check nothing
        typed = {name: request.POST.get(name, "") for name in ("email", "code")}
        return _render_code_page(request, edition, OneTimeCodeForm(initial=typed), typed["email"])
    form = OneTimeCodeForm(request.POST)
    if form.is_valid():
        try:
            credential = register_login.verify_one_time_code(
                edition=edition,
                email=form.cleaned_data["email"],
                code=form.cleaned_data["code"],
                client_ip=client_ip(request),
            )
            return render_ballot(request, edition, credential)
        except VoteStateError as error:
            record_refusal(channel="web", error=error)
            return render_start(request, edition, error=error.message)
        except EligibilityError as error:
            record_refusal(channel="web", error=error)
            form.add_error("code", error.message)
    if "email" in form.errors:  # the hidden address was lost or altered: start the e-mail step again
        return render(request, "voting/email_request.html", {"edition": edition, "form": EmailForm()})
    return _render_code_page(request, edition, form, form.cleaned_data.get("email", ""))
