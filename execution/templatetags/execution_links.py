"""Links to projects from other apps' pages: ``{{ projects|project_url:plan.id }}``."""

from __future__ import annotations

from collections.abc import Mapping

from django import template
from django.urls import reverse

register = template.Library()


@register.filter(name="project_url")
def project_url(projects: Mapping[int, int] | None, plan_id: int) -> str:
    """The page of ``plan_id``'s project in ``projects`` (plan id → project id, from
    ``execution.projects.selectors.project_ids_for``), or "" when the plan has none."""
    project_id = (projects or {}).get(plan_id)
    return reverse("execution:project", kwargs={"pk": project_id}) if project_id else ""
