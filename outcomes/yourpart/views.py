"""The "your part" page: the form, and (on POST) the voter's part. Nothing is stored or logged."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from editions.decorators import edition_page
from editions.models import Edition

from .. import selectors
from .forms import YourPartForm
from .selectors import part_available, plan_choices, your_part


# Exempt from CSRF: the POST changes nothing, it only carries the ticks so they stay out of URLs and logs.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@edition_page
def your_part_page(request: HttpRequest, edition: Edition) -> HttpResponse:
    count = selectors.published_count(edition)
    if count is None:
        raise Http404
    available = part_available(count)
    posted = request.POST if request.method == "POST" and available else None
    form = YourPartForm(posted, plans=plan_choices(count))
    part = your_part(count, form.chosen) if form.is_bound and form.is_valid() else None
    context = {
        "edition": edition,
        "result": selectors.result_of(count),
        "available": available,
        "form": form,
        "part": part,
        "chosen": form.chosen,
    }
    return render(request, "outcomes/yourpart/part.html", context, status=400 if form.errors else 200)
