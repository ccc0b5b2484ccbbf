"""Whether the visitor is district staff (for the menu; looked up only when a template asks), and whether
their e-mail address still waits for confirmation (for the notice on every page)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .roles import is_district_staff


def staff(request: HttpRequest) -> dict[str, Any]:
    # Read ``request.user`` only when a template asks: an error page for a request refused before the
    # authentication middleware ran (junk input, a 400) has no user, and renders without these.
    return {
        "user_is_district_staff": SimpleLazyObject(lambda: is_district_staff(request.user)),
        "user_email_unconfirmed": SimpleLazyObject(lambda: _unconfirmed(request)),
    }


def _unconfirmed(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and getattr(user, "email_verified_at", True) is None)
