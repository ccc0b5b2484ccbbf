"""The public district page: its neighbourhoods and its editions."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from editions.timeline import timeline_of

from .selectors import district_for_page


def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = district_for_page(settings.BUURTBUDGET_MUNICIPALITY_SLUG, slug)
    if district is None:
        raise Http404
    editions = [(edition, timeline_of(edition)) for edition in district.editions.all()]
    return render(
        request,
        "places/district_detail.html",
        {"district": district, "editions": editions, "neighbourhoods": district.neighbourhoods.all()},
    )
