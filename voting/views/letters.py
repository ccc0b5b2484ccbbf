"""The letters files of the vote: download one (audited), and destroy it once the letters are printed."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.downloads import private_download
from common.errors import ServiceError
from editions.models import Edition

from ..models import LetterBatch
from ..services.letters import destroy_letter_batch, open_letter_batch
from .manage import manage_url, management, official


@management
@require_GET
def download_letters(request: HttpRequest, edition: Edition, pk: int) -> HttpResponseBase:
    batch = get_object_or_404(LetterBatch, edition=edition, pk=pk)
    try:
        path = open_letter_batch(batch=batch, by=official(request))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(manage_url(edition))
    return private_download(
        path, filename=f"stemcodes-{edition.slug}-{batch.pk}.pdf", content_type="application/pdf"
    )


@management
@require_POST
def destroy_letters(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    batch = get_object_or_404(LetterBatch, edition=edition, pk=pk)
    try:
        destroy_letter_batch(batch=batch, by=official(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The letters file has been destroyed."))
    return redirect(manage_url(edition))
