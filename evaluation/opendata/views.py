"""The open data download: one zip per edition, public once the edition is."""

from __future__ import annotations

import io

from django.http import FileResponse, HttpRequest, HttpResponseBase, HttpResponseNotModified
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from common.middleware import carries_session
from editions.decorators import edition_page
from editions.models import Edition

from .selectors import OpenDataPackage, open_data_package

# Public data that changes slowly (the ledger, the evidence): caches may keep it for five minutes,
# and revalidate with the ETag after that.
CACHE_CONTROL = "public, max-age=300"


@require_safe
@edition_page
def open_data(request: HttpRequest, edition: Edition) -> HttpResponseBase:
    package = open_data_package(edition, base_url=request.build_absolute_uri("/"))
    return _download(request, package)


def _download(request: HttpRequest, package: OpenDataPackage) -> HttpResponseBase:
    """The zip as an attachment, or 304 Not Modified when the client holds this very package."""
    etag = f'"{package.etag}"'
    response: HttpResponseBase
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(
            io.BytesIO(package.content),
            as_attachment=True,
            filename=package.filename,
            content_type="application/zip",
        )
    response["ETag"] = etag
    if not carries_session(request):  # a signed-in visitor's answers are never cached (no-store)
        response["Cache-Control"] = CACHE_CONTROL
    return response
