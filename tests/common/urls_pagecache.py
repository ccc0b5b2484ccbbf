"""A URL conf with two small cached pages: a form with a CSRF token and an inline script with the nonce."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from common.pagecache import cached_page

FORM = """<form method="post" action="/formulier/">{% csrf_token %}<button>Send</button></form>
<script nonce="{{ request.csp_nonce }}">document.title = "ok";</script>"""
# A token where no placeholder can take its place: such a page must never be stored.
LEAKY = '<div data-token="{{ csrf_token }}"></div>'


@cached_page()
def form_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return HttpResponse("sent")
    return HttpResponse(engines["django"].from_string(FORM).render(request=request))


@cached_page()
def leaky_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(LEAKY).render(request=request))


urlpatterns = [path("formulier/", form_page), path("lek/", leaky_page)]
