"""Downloading and destroying a letters file: one implementation behind each app's own URL.

A letters file holds the only copy of its plain codes, so every download is audited and the file is
destroyed once printed. Each app's view finds its batch, checks who may act, and passes the
service call that opens or destroys it; a refusal goes back to the app's page as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from common.downloads import private_download
from common.errors import ServiceError


def download_letters_file(
    request: HttpRequest, *, open_file: Callable[[], Path], filename: str, back_to: str
) -> HttpResponseBase:
    """The PDF that ``open_file`` opens (and audits) as a private download; else back with its refusal."""
    try:
        path = open_file()
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(back_to)
    return private_download(path, filename=filename, content_type="application/pdf")


def destroy_letters_file(
    request: HttpRequest, *, destroy: Callable[[], object], back_to: str
) -> HttpResponse:
    """Call ``destroy`` (which deletes the file and audits it) and go back to ``back_to`` with a message."""
    try:
        destroy()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The letters file has been destroyed."))
    return redirect(back_to)
