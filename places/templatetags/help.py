"""``{% help_url %}``: the help page of the district the page is about, else the list of districts."""

from __future__ import annotations

from typing import Any

from django import template

from places.help.selectors import help_url as help_url_for
from places.models import District

register = template.Library()

# Where a page keeps its district, nearest first: an explicit choice, the district, the edition's.
_EDITION_HOLDERS = ("edition", "plan", "project")


def district_in(context: template.Context) -> District | None:
    for name in ("help_district", "district"):
        if isinstance(context.get(name), District):
            return context[name]  # type: ignore[no-any-return]
    for name in _EDITION_HOLDERS:
        holder: Any = context.get(name)
        edition = holder if name == "edition" else getattr(holder, "edition", None)
        district = getattr(edition, "district", None) if edition is not None else None
        if isinstance(district, District):
            return district
    return None


@register.simple_tag(takes_context=True)
def help_url(context: template.Context) -> str:
    return help_url_for(district_in(context))
