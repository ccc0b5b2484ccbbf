"""The resident's sign-up for the citizens' panel: consent text, details, features, availability."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from common.errors import ServiceError
from common.ratelimit import client_ip
from editions.permissions import is_open
from editions.phases import Action

from ..forms_recruitment import SignUpForm
from ..models import Feature, PanelSetup
from ..services.recruitment import register_interest
from .common import panel_edition


@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest, slug: str) -> HttpResponse:
    edition = panel_edition(slug)
    setup = PanelSetup.objects.filter(edition=edition).first()
    features = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
    sign_up_open = is_open(edition, Action.SIGN_UP_FOR_PANEL) and bool(features)
    code_required = setup is not None and not setup.open_sign_up
    form = SignUpForm(
        request.POST if request.method == "POST" and sign_up_open else None,
        features=features,
        district_name=edition.district.name,
        code_required=code_required,
    )
    if request.method == "POST" and sign_up_open and form.is_valid():
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
            form.add_error(None, error.message)
        else:
            return redirect(reverse("panel_recruitment:signed_up", kwargs={"slug": edition.slug}))
    return render(
        request,
        "deliberation/recruitment/sign_up.html",
        {
            "edition": edition,
            "setup": setup,
            "form": form,
            "sign_up_open": sign_up_open,
            "code_required": code_required,
        },
        status=400 if request.method == "POST" and sign_up_open else 200,
    )


@require_GET
def signed_up(request: HttpRequest, slug: str) -> HttpResponse:
    edition = panel_edition(slug)
    return render(request, "deliberation/recruitment/signed_up.html", {"edition": edition})
