"""The published result's files: each section's ballots (.pb), the open data (JSON) and a table (CSV,
in the page's language).

Every download answers 404 until the result is public.
"""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from common import csv_safe
from editions.decorators import edition_page
from editions.models import Edition

from .. import selectors
from ..models import Count, CountSource
from ..selectors.downloads import result_spreadsheet


def _published(edition: Edition) -> Count:
    count = selectors.published_count(edition)
    if count is None:
        raise Http404
    return count


def _pb_response(count: Count, key: str) -> HttpResponse:
    section = selectors.ballot_file(count, key)
    if section is None:  # a consensus of the panel has no ballots
        raise Http404
    response = HttpResponse(section.pb_file.encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{section.file_name}"'
    response["X-Content-SHA256"] = section.sha256
    return response


@require_safe
@edition_page
def ballots(request: HttpRequest, edition: Edition, key: str) -> HttpResponse:
    return _pb_response(_published(edition), key)


@require_safe
@edition_page
def advice_ballots(request: HttpRequest, edition: Edition, key: str) -> HttpResponse:
    """The public vote's ballots that advised the citizens' panel: public with the panel's decision."""
    count = _published(edition)
    advice = selectors.advice_count(edition)
    if count.source != CountSource.PANEL or advice is None:
        raise Http404
    return _pb_response(advice, key)


@require_safe
@edition_page
def result_json(request: HttpRequest, edition: Edition) -> JsonResponse:
    count = _published(edition)
    response = JsonResponse(selectors.result_data(count), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{count.edition.slug}-uitslag.json"'
    return response


@require_safe
@edition_page
def result_csv(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The result per plan for a spreadsheet, in the page's language (``result_spreadsheet``). The
    byte order mark tells Excel the file is UTF-8 (else it garbles "é" and "€")."""
    sheet = result_spreadsheet(_published(edition))
    out = io.StringIO()
    writer = csv_safe.writer(out, delimiter=sheet.delimiter, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    writer.writerows(sheet.rows)
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{sheet.file_name}"'
    return response
