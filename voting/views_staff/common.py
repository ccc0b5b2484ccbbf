"""What every officials' vote page shares: the edition look-up, the permission check, the user."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from accounts.models import User
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action


def official_edition(request: HttpRequest, slug: str) -> Edition:
    """The edition, if the user manages it (officials of its district, administrators); else 403."""
    edition = (
        Edition.objects.select_related("district__municipality")
        .prefetch_related("phases")
        .filter(slug=slug)
        .first()
    )
    if edition is None:
        raise Http404
    if not can(request.user, Action.MANAGE_EDITION, edition):
        raise PermissionDenied
    return edition


def official(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def may_enter_paper(request: HttpRequest, edition: Edition) -> bool:
    return can(request.user, Action.ENTER_PAPER_BALLOT, edition)
