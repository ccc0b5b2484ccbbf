"""``{% chart_svg chart %}``: a report figure's SVG (the figure template adds its title and table)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from evaluation.charts.model import BarChart
from evaluation.charts.svg import render_svg

register = template.Library()


@register.simple_tag
def chart_svg(chart: BarChart) -> SafeString:
    return render_svg(chart)
