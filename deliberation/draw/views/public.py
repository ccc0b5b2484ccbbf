"""The public panel page and the downloads that let anyone re-run the draw."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from editions.decorators import edition_page
from editions.models import Edition

from .. import selectors
from ..forms import ALGORITHM_HELP

CONTENT_TYPES = {
    selectors.POOL_FILE: "text/csv; charset=utf-8",
    selectors.QUOTAS_FILE: "text/csv; charset=utf-8",
    selectors.DRAW_FILE: "application/json; charset=utf-8",
    selectors.RERUN_FILE: "text/x-python; charset=utf-8",
}


@edition_page
def panel(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The published panel: how it was drawn, the quota table, the anonymised pool, and how to re-run it."""
    draw = selectors.published_draw(edition)
    if draw is None:
        return render(request, "deliberation/panel_not_drawn.html", {"edition": edition})
    files = selectors.published_files(draw)
    return render(
        request,
        "deliberation/panel.html",
        {
            "edition": edition,
            "draw": draw,
            "algorithm_help": ALGORITHM_HELP.get(draw.algorithm, ""),
            "quota_rows": selectors.quota_rows_now(draw),
            "feature_names": selectors.feature_names_of(draw),
            "pool_rows": selectors.pool_rows(draw),
            "replacements": selectors.replacements(draw),
            "rerun_script": files[selectors.RERUN_FILE],
            "files": list(CONTENT_TYPES),
        },
    )


@edition_page
def download(request: HttpRequest, edition: Edition, filename: str) -> HttpResponse:
    draw = selectors.published_draw(edition)
    if draw is None or filename not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(selectors.published_files(draw)[filename], content_type=CONTENT_TYPES[filename])
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-{filename}"'
    return response
