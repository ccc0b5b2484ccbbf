"""The resident's sign-up for the citizens' panel: consent text, details, features, availability."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from common.errors import ServiceError
from common.ratelimit import client_ip
from editions.decorators import Gate, edition_action
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action

from ...models import Feature, PanelSetup
from ..forms import SignUpForm
from ..services.sign_up import register_interest


def _registered(request: HttpRequest, edition: Edition, form: SignUpForm) -> bool:
    """Put the resident in the pool; False (the form says why) when the service refuses."""
    data = form.cleaned_data
    try:
        register_interest(
            edition=edition,
            code=data["code"] or None,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            birth_year=data["birth_year"],
            features=form.features(),
            available=data["available"],
            consent=data["consent"],
            client_ip=client_ip(request),
        )
    except ServiceError as error:
        # A refused code is the code field's error: the page then points to the helpdesk.
        form.add_error("code" if error.code in ("unknown_code", "code_used") else None, error.message)
        return False
    return True


@edition_action(Action.SIGN_UP_FOR_PANEL, gate=Gate.OFFERED)
@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest, edition: Edition) -> HttpResponse:
    setup = PanelSetup.objects.filter(edition=edition).first()
    features = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
    sign_up_open = is_open(edition, Action.SIGN_UP_FOR_PANEL) and bool(features)
    code_required = setup is not None and not setup.open_sign_up
    posted = request.method == "POST" and sign_up_open
    form = SignUpForm(
        request.POST if posted else None,
        features=features,
        district_name=edition.district.name,
        code_required=code_required,
    )
    if posted and form.is_valid() and _registered(request, edition, form):
        return redirect(reverse("deliberation:signed_up", kwargs={"slug": edition.slug}))
    context: dict[str, Any] = {"edition": edition, "setup": setup, "form": form}
    context.update(sign_up_open=sign_up_open, code_required=code_required)
    return render(request, "deliberation/recruitment/sign_up.html", context, status=400 if posted else 200)


@edition_action(Action.SIGN_UP_FOR_PANEL, gate=Gate.OFFERED)
@require_GET
def signed_up(request: HttpRequest, edition: Edition) -> HttpResponse:
    return render(request, "deliberation/recruitment/signed_up.html", {"edition": edition})
