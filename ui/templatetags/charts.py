"""``{% chart_svg chart %}``: a bar or scatter chart's SVG (``ui/charts/figure.html`` adds its title and
data table; a scatter chart's template gives its own)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from ui.charts.model import BarChart, ScatterChart
from ui.charts.svg import render_scatter_svg, render_svg

register = template.Library()


@register.simple_tag
def chart_svg(chart: BarChart | ScatterChart) -> SafeString:
    if isinstance(chart, ScatterChart):
        return render_scatter_svg(chart)
    return render_svg(chart)
