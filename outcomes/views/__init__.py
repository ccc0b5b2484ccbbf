"""Pages of the outcomes app: ``result`` (the public result), ``downloads`` (its files), ``count`` (the
officials' count page) and ``panel`` (the facilitator's page for the citizens' panel's decision)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts.models import User


def signed_in(request: HttpRequest) -> User:
    """The logged-in user of a staff page (``@edition_action`` has sent anyone else to log in)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
