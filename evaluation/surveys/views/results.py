"""The officials' results of one survey: figures, breakdowns and open answers, small groups hidden."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..selectors import survey_results
from .common import official_survey


@login_required
@require_safe
def results(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    found, _user = official_survey(request, slug, kind)
    context = {"edition": found.edition, "survey": found, "results": survey_results(found)}
    return render(request, "evaluation/surveys/results.html", context)
