"""``{% follow_button project=project %}`` / ``{% follow_button edition=edition next=url %}``: the follow
button of a project page, the edition overview or the vote's receipt."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from editions.models import Edition
from editions.permissions import can, is_open
from editions.phases import Action

from ..following import selectors
from ..models import Project

register = template.Library()


@register.inclusion_tag("execution/following/_follow_button.html", takes_context=True)
def follow_button(
    context: template.Context,
    *,
    project: Project | None = None,
    edition: Edition | None = None,
    next: str = "",
) -> dict[str, Any]:
    """What the button needs; ``next`` is where to come back to after following (default this page)."""
    user = context["request"].user
    args: list[int | str]
    if project is not None:
        edition, args, name = project.edition, [project.pk], project.plan.title
        following = selectors.follows_project(user, project)
        kind = "project"
    elif edition is not None:
        args, name, kind = [edition.slug], edition.name, "edition"
        following = selectors.follows_edition(user, edition)
    else:
        raise template.TemplateSyntaxError("follow_button needs a project or an edition")
    follow_url = reverse(f"execution:follow_{kind}", args=args)
    return {
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "name": name,
        "following": following,
        "may_follow": can(user, Action.FOLLOW_EXECUTION, edition),
        "follow_open": is_open(edition, Action.FOLLOW_EXECUTION),
        "anonymous": not user.is_authenticated,
        "follow_url": follow_url,
        "unfollow_url": reverse(f"execution:unfollow_{kind}", args=args),
        "next": next or context["request"].get_full_path(),
    }
