"""What the recruitment pages share: the panel edition look-up and the facilitator check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from accounts.models import User
from editions.models import DecisionModel, Edition
from editions.permissions import holds_action_roles
from editions.phases import Action

PANEL_MODELS = (DecisionModel.PANEL, DecisionModel.HYBRID)


def panel_edition(slug: str) -> Edition:
    """A published edition decided (partly) by a citizens' panel; else 404."""
    edition = (
        Edition.objects.select_related("district__municipality")
        .prefetch_related("phases")
        .filter(slug=slug, is_published=True, decision_model__in=PANEL_MODELS)
        .first()
    )
    if edition is None:
        raise Http404
    return edition


def facilitator(request: HttpRequest, edition: Edition) -> User:
    """The user, if they facilitate panels in the edition's district (in any phase); else 403."""
    user = request.user
    if not isinstance(user, User) or not holds_action_roles(user, Action.RECRUIT_PANEL, edition):
        raise PermissionDenied
    return user
