"""The learning report's pages: per edition and across a municipality, each also as a PDF; and the
officials' "recompute now"."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, edition_action, edition_page
from editions.models import Edition
from editions.phases import Action
from places.models import Municipality

from ..evidence.access import may_evaluate
from ..evidence.services import recompute_evidence
from .pdf import edition_pdf, municipality_pdf
from .selectors import edition_report, municipality_report


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}-{get_language() or "nl"}.pdf"'
    return response


@require_safe
@edition_page
def edition(request: HttpRequest, edition: Edition) -> HttpResponse:
    context = {
        "report": edition_report(edition),
        "edition": edition,
        "evaluator": may_evaluate(request.user, edition),
    }
    return render(request, "evaluation/report/edition.html", context)


@require_safe
@edition_page
def edition_as_pdf(request: HttpRequest, edition: Edition) -> HttpResponse:
    return _pdf(edition_pdf(edition_report(edition)), f"leerrapport-{edition.slug}")


@require_safe
def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Municipality, slug=slug)
    return render(request, "evaluation/report/municipality.html", {"report": municipality_report(found)})


@require_safe
def municipality_as_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Municipality, slug=slug)
    return _pdf(municipality_pdf(municipality_report(found)), f"leerrapport-{found.slug}")


@require_POST
@edition_action(Action.EVALUATE, gate=Gate.ROLES)
def recompute(request: HttpRequest, edition: Edition) -> HttpResponse:
    assert isinstance(request.user, User)
    try:
        recompute_evidence(edition=edition, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The figures were computed again."))
    return redirect("evaluation:report", slug=edition.slug)
