"""The letters files of the vote: download one (audited), and destroy it once the letters are printed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from editions.models import Edition
from outreach.views import destroy_letters_file, download_letters_file

from ..models import LetterBatch
from ..services.letters import destroy_letter_batch, open_letter_batch
from .manage import manage_url, management, official


@management
@require_GET
def download_letters(request: HttpRequest, edition: Edition, pk: int) -> HttpResponseBase:
    batch = get_object_or_404(LetterBatch, edition=edition, pk=pk)
    return download_letters_file(
        request,
        open_file=lambda: open_letter_batch(batch=batch, by=official(request)),
        filename=f"stemcodes-{edition.slug}-{batch.pk}.pdf",
        back_to=manage_url(edition),
    )


@management
@require_POST
def destroy_letters(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    batch = get_object_or_404(LetterBatch, edition=edition, pk=pk)
    return destroy_letters_file(
        request,
        destroy=lambda: destroy_letter_batch(batch=batch, by=official(request)),
        back_to=manage_url(edition),
    )
