"""Home (districts and their running editions), about, accessibility statement and error pages."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from editions.timeline import timeline_of
from places.models import Municipality
from places.selectors import districts_with_editions


def home(request: HttpRequest) -> HttpResponse:
    slug = settings.BUURTBUDGET_MUNICIPALITY_SLUG
    districts = [
        (district, [(edition, timeline_of(edition)) for edition in district.editions.all()])
        for district in districts_with_editions(slug)
    ]
    return render(
        request,
        "pages/home.html",
        {"municipality": Municipality.objects.filter(slug=slug).first(), "districts": districts},
    )


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def healthz(request: HttpRequest) -> HttpResponse:
    """A page with no database work: the baseline the page benchmark compares against."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context, so a failing database or context processor can't break it."""
    return HttpResponseServerError(loader.get_template("500.html").render())
