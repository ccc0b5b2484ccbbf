"""``/evaluatie/mijn-enquetes/``: the open surveys the signed-in person may still answer."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..eligibility import open_offers


@login_required
@require_safe
def my_surveys(request: HttpRequest) -> HttpResponse:
    return render(request, "evaluation/surveys/mine.html", {"offers": open_offers(request.user)})
