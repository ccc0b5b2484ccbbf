"""The help pages: /hulp/ lists the districts, /hulp/<district>/ shows one district's help at hand."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .selectors import district_for_help, districts_with_help, help_of, phone_link, whatsapp_link


@require_GET
def help_index(request: HttpRequest) -> HttpResponse:
    districts = districts_with_help(settings.BUURTBUDGET_MUNICIPALITY_SLUG)
    return render(request, "places/help/index.html", {"districts": districts})


@require_GET
def help_district(request: HttpRequest, slug: str) -> HttpResponse:
    district = district_for_help(settings.BUURTBUDGET_MUNICIPALITY_SLUG, slug)
    if district is None:
        raise Http404
    shown = help_of(district)
    links = {}
    if shown.desk is not None:
        links = {"phone": phone_link(shown.desk.phone), "whatsapp": whatsapp_link(shown.desk.whatsapp)}
    context = {"district": district, "help_district": district, "help": shown, "links": links}
    return render(request, "places/help/district.html", context)
