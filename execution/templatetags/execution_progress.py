"""The project page's progress and obstacles: ``{% load execution_progress %}`` then
``{% progress_on_project project %}`` and ``{% obstacles_on_project project %}`` (the page's
context must hold ``request``, as every page rendered with ``render`` does)."""

from __future__ import annotations

from typing import Any

from django import template

from ..access import may_manage, may_report
from ..models import Project
from ..obstacles.selectors import obstacles_on_project as obstacles_of
from ..progress.forms import UpdateForm
from ..progress.selectors import timeline
from ..progress.services import may_hide

register = template.Library()


def _base(context: template.Context, project: Project) -> dict[str, Any]:
    user = context["request"].user
    return {
        "project": project,
        "user": user,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "may_report": may_report(user, project),
        "may_manage": may_manage(user, project),
    }


@register.inclusion_tag("execution/progress/_on_project.html", takes_context=True)
def progress_on_project(context: template.Context, project: Project) -> dict[str, Any]:
    """The timeline (updates with photos, milestones, status changes, solved obstacles), and the
    owners' post form."""
    shown = _base(context, project)
    user = shown["user"]
    shown["timeline"] = timeline(project)
    shown["may_hide"] = user.is_authenticated and may_hide(user, project)
    if shown["may_report"]:
        shown["form"] = UpdateForm(project=project)
    return shown


@register.inclusion_tag("execution/obstacles/_on_project.html", takes_context=True)
def obstacles_on_project(context: template.Context, project: Project) -> dict[str, Any]:
    """Solved obstacles for everyone; open ones and questions for the owners and district staff."""
    shown = _base(context, project)
    shown["obstacles"] = obstacles_of(project, shown["user"])
    return shown
