"""The what-if page (GET with the options; they are not personal) and the pooled ballot file."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from editions.decorators import edition_page
from editions.models import AggregationRule, Edition

from .. import engine
from ..models import Count, CountSection
from ..selectors.counts import published_count
from .options import WhatIfForm
from .selectors import counted_sections, pooled_file, pooled_file_name, what_if


def _published_files(edition: Edition) -> tuple[Count, list[CountSection]]:
    count = published_count(edition)
    sections = counted_sections(count) if count is not None else []
    if count is None or not sections:  # not public yet, or a consensus: no ballots to count again
        raise Http404
    return count, sections


@require_safe
@edition_page
def what_if_page(request: HttpRequest, edition: Edition) -> HttpResponse:
    count, sections = _published_files(edition)
    context = {
        "edition": edition,
        "count": count,
        "official_rule": AggregationRule(count.rule).label,
        "parts": len(sections),
        "chosen": request.GET,
    }
    if not request.GET:
        return render(request, "outcomes/whatif/page.html", context)
    form = WhatIfForm(request.GET)
    if not form.is_valid():
        return render(request, "outcomes/whatif/page.html", {**context, "form": form}, status=400)
    try:
        result = what_if(count, sections, form.options())
    except engine.ENGINE_ERRORS:  # e.g. a rule that cannot read this kind of ballot
        return render(request, "outcomes/whatif/page.html", {**context, "cannot_count": True}, status=400)
    return render(request, "outcomes/whatif/page.html", {**context, "form": form, "what_if": result})


@require_safe
@edition_page
def pooled(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Every part's ballots in one file with the total budget, as the what-if without the split counts it."""
    count, sections = _published_files(edition)
    text, sha256 = pooled_file(count, sections)
    response = HttpResponse(text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{pooled_file_name(count)}"'
    response["X-Content-SHA256"] = sha256
    return response
