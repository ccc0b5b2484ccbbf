"""Template filter for a plan that started as an idea (``development`` keeps the link, ``plan.idea``)."""

from __future__ import annotations

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model

from proposals.models import Plan

register = template.Library()


@register.filter
def idea_of(plan: Plan) -> Model | None:
    """The idea ``plan`` started as, or None: the reverse one-to-one raises when there is none, and
    ``proposals`` may not import ``development`` to ask it."""
    try:
        idea: Model = plan.idea
    except ObjectDoesNotExist:
        return None
    return idea
