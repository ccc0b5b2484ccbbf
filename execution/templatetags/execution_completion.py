"""``{% accepted_final_report project as report %}``: the accepted final report for the public page."""

from __future__ import annotations

from django import template

from ..completion.selectors import accepted_report
from ..models import FinalReport, Project

register = template.Library()


@register.simple_tag
def accepted_final_report(project: Project) -> FinalReport | None:
    return accepted_report(project)
