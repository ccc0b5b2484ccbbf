"""Template tags of coaching: whether the person may read a coaching's log (for ``coaching/_link.html``)."""

from __future__ import annotations

from typing import Any

from django import template

from development.coaching.access import may_read_log as _may_read_log
from development.coaching.selectors import coaching_for
from development.models import Coaching

register = template.Library()


@register.simple_tag
def may_read_log(user: Any, coaching: Coaching | None) -> bool:
    return coaching is not None and _may_read_log(user, coaching)


@register.simple_tag
def coaching_of(*, idea: Any = None, plan: Any = None) -> Coaching | None:
    """The active coaching of an idea or a plan, for pages of other apps that show ``_link.html``."""
    return coaching_for(idea=idea, plan=plan)
