"""A ``BarChart`` as inline SVG: scales to the page's width, labels above the bars so a phone can read
them, a title and description for screen readers (who also get the data table next to it)."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .model import BarChart, format_value

WIDTH = 360  # about a phone's width: on a phone the text is drawn at its own size
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
LEGEND_HEIGHT = 24
VALUE_ROOM = 86  # room right of the longest bar for its value
# Series colours: the theme's tokens where the page has them, with fallbacks of sufficient contrast.
COLOURS = ("var(--bb-chart-1, #1f5f8b)", "var(--bb-chart-2, #b35c00)", "var(--bb-chart-3, #4d7a2a)")


def render_svg(chart: BarChart) -> SafeString:
    """The chart as an ``<svg>`` element (role="img", labelled by its title and description)."""
    ident = f"chart-{chart.key}"
    legend = LEGEND_HEIGHT if len(chart.series) > 1 else 0
    group = LABEL_HEIGHT + len(chart.series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    height = legend + group * len(chart.categories) + 4
    parts: list[str] = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
            'aria-labelledby="{}-title {}-desc" class="bb-chart" preserveAspectRatio="xMinYMin meet">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            WIDTH,
            height,
            ident,
            ident,
            ident,
            chart.title,
            ident,
            chart.description or chart.title,
        )
    ]
    if legend:
        parts.extend(_legend(chart))
    parts.extend(_bars(chart, top=legend))
    parts.append("</svg>")
    return mark_safe("".join(str(p) for p in parts))


def _legend(chart: BarChart) -> list[str]:
    parts: list[str] = []
    x = 0
    for i, series in enumerate(chart.series):
        parts.append(
            format_html(
                '<rect x="{}" y="4" width="14" height="14" fill="{}"/>'
                '<text x="{}" y="16" font-size="14" fill="currentColor">{}</text>',
                x,
                mark_safe(COLOURS[i % len(COLOURS)]),
                x + 20,
                series.name,
            )
        )
        x += 30 + 7 * len(series.name)
    return parts


def _bars(chart: BarChart, *, top: int) -> list[str]:
    """Each category's label above its bars, one bar per series with its value written after it."""
    usable, largest = WIDTH - VALUE_ROOM, chart.largest
    parts: list[str] = []
    y = top
    for index, category in enumerate(chart.categories):
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="14" font-weight="bold" fill="currentColor">{}</text>',
                y + LABEL_HEIGHT - 5,
                category,
            )
        )
        y += LABEL_HEIGHT
        for i, series in enumerate(chart.series):
            value = series.values[index]
            length = 0.0 if value is None else max(0.0, usable * value / largest)
            parts.append(
                format_html(
                    '<rect x="0" y="{}" width="{}" height="{}" fill="{}"/>'
                    '<text x="{}" y="{}" font-size="13" fill="currentColor">{}</text>',
                    y,
                    f"{length:.1f}",
                    BAR_HEIGHT,
                    mark_safe(COLOURS[i % len(COLOURS)]),
                    f"{length + 6:.1f}",
                    y + BAR_HEIGHT - 3,
                    format_value(value, chart.unit),
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    return parts
