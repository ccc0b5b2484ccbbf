"""Staff sessions end after ``STAFF_SESSION_IDLE_SECONDS`` without a request; residents' do not."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .roles import is_district_staff

LAST_SEEN_KEY = "staff_last_seen"
# The stamp is refreshed at most this often, so a busy staff member does not write the session
# on every request.
REFRESH_SECONDS = 60


def is_staff_account(user: object) -> bool:
    return bool(getattr(user, "is_staff", False)) or is_district_staff(user)  # type: ignore[arg-type]


class StaffIdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:  # nobody logged in: touch nothing
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_staff_account(user):
            now = time.time()
            stamp = request.session.get(LAST_SEEN_KEY)
            # The stamp names its user, so one left from an earlier login never counts for this one.
            last_seen = (
                stamp[1] if isinstance(stamp, list) and len(stamp) == 2 and stamp[0] == user.pk else None
            )
            if last_seen is not None and now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(
                    request, _("You were logged out after a period of inactivity. Please log in again.")
                )
            elif last_seen is None or now - last_seen > REFRESH_SECONDS:
                request.session[LAST_SEEN_KEY] = [user.pk, now]
        return self.get_response(request)
