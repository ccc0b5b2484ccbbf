"""``{% alternates_of path as alternates %}``: ``path`` in every language (a switch that re-posts a form)."""

from __future__ import annotations

from django import template

from ui.languages import Alternate, alternates

register = template.Library()


@register.simple_tag
def alternates_of(path: str) -> list[Alternate]:
    return alternates(path)
