"""What the recruitment pages share: the panel edition look-up and the facilitator check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from accounts.models import User
from editions.models import Edition
from editions.permissions import holds_action_roles, phases_opening
from editions.phases import Action


def panel_edition(slug: str) -> Edition:
    """A published edition decided (partly) by a citizens' panel, which residents sign up for; else 404."""
    edition = (
        Edition.objects.select_related("district__municipality")
        .prefetch_related("phases")
        .filter(slug=slug, is_published=True)
        .first()
    )
    if edition is None or not phases_opening(edition, Action.SIGN_UP_FOR_PANEL):
        raise Http404
    return edition


def facilitator(request: HttpRequest, edition: Edition) -> User:
    """The user, if they facilitate panels in the edition's district (in any phase); else 403."""
    user = request.user
    if not isinstance(user, User) or not holds_action_roles(user, Action.RECRUIT_PANEL, edition):
        raise PermissionDenied
    return user
