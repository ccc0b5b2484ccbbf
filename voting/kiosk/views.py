"""Switching the kiosk on (from the vote's management page) and off, and the kiosk's short receipt.

Switching on logs the official out: a kiosk holds nobody's account. Switching off needs an official
of the district to log in on the kiosk again (the kiosk's start page links to it).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from editions.decorators import Gate, edition_action
from editions.models import Edition

from ..services.casting import Receipt
from ..views.manage import manage_url, official
from .errors import KioskError
from .mode import clear_kiosk, kiosk_of, set_kiosk
from .services import ACTION, start_kiosk, stop_kiosk

kiosk_pages = edition_action(ACTION, gate=Gate.ROLES)


@require_POST
@kiosk_pages
def turn_on(request: HttpRequest, edition: Edition) -> HttpResponse:
    try:
        started = start_kiosk(edition=edition, by=official(request))
    except KioskError as error:
        messages.error(request, error.message)
        return redirect(manage_url(edition))
    logout(request)
    response = redirect(started.kiosk.start_url)
    set_kiosk(response, started.kiosk, max_age=started.seconds_left)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@kiosk_pages
def turn_off(request: HttpRequest, edition: Edition) -> HttpResponse:
    error = ""
    if request.method == "POST":
        try:
            stop_kiosk(edition=edition, kiosk=kiosk_of(request), by=official(request))
        except KioskError as refused:
            error = refused.message
        else:
            messages.success(request, _("This device is no longer a voting kiosk."))
            response = redirect(manage_url(edition))
            clear_kiosk(response)
            return response
    context = {"edition": edition, "error": error, "is_kiosk": kiosk_of(request) is not None}
    return render(request, "voting/kiosk/turn_off.html", context)


def render_kiosk_receipt(request: HttpRequest, edition: Edition, *, receipt: Receipt) -> HttpResponse:
    """The kiosk's receipt: the number only (not the choices: the next voter may be looking), and
    the session emptied first, so nothing of this voter stays on the device."""
    request.session.flush()
    return render(request, "voting/kiosk/receipt.html", {"edition": edition, "receipt": receipt})
