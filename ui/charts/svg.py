"""Charts as inline SVG: scale to the page's width, text drawn at a size a phone can read, a title and
description for screen readers (who also get the data table next to it). No style attributes (the
pages' CSP): presentation attributes, and classes a page may style."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .model import BarChart, ScatterChart, format_value, nice_ticks

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


# The scatter chart's frame: a legend, the y axis' name above the plot, tick values left and below.
SCATTER_TOP = 48
SCATTER_LEFT = 48
SCATTER_RIGHT = 34
SCATTER_BOTTOM = 44
SCATTER_PLOT_HEIGHT = 200
MARK = 10  # side of a marked point's square; an open circle has the same width


def render_scatter_svg(chart: ScatterChart) -> SafeString:
    """The chart as an ``<svg>`` element (role="img", labelled by its title and description): marked
    points are filled squares, the others open circles, each with its label as a tooltip."""
    ident = f"chart-{chart.key}"
    height = SCATTER_TOP + SCATTER_PLOT_HEIGHT + SCATTER_BOTTOM
    x_ticks, y_ticks = nice_ticks(chart.x_max), nice_ticks(chart.y_max)
    plot = _Plot(x_top=x_ticks[-1], y_top=y_ticks[-1])
    parts: list[str] = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
            'aria-labelledby="{}-title {}-desc" class="bb-chart bb-scatter" '
            'preserveAspectRatio="xMinYMin meet"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            WIDTH,
            height,
            ident,
            ident,
            ident,
            chart.title,
            ident,
            chart.description or chart.title,
        ),
        _scatter_legend(chart),
        *_axes(chart, plot, x_ticks, y_ticks),
        *_points(chart, plot),
        "</svg>",
    ]
    return mark_safe("".join(str(p) for p in parts))


class _Plot:
    """Where a value lands in the drawing."""

    def __init__(self, *, x_top: float, y_top: float) -> None:
        self.x_top, self.y_top = x_top or 1.0, y_top or 1.0
        self.width = WIDTH - SCATTER_LEFT - SCATTER_RIGHT
        self.bottom = SCATTER_TOP + SCATTER_PLOT_HEIGHT

    def x(self, value: float) -> float:
        return SCATTER_LEFT + self.width * value / self.x_top

    def y(self, value: float) -> float:
        return self.bottom - SCATTER_PLOT_HEIGHT * value / self.y_top


def _scatter_legend(chart: ScatterChart) -> str:
    return format_html(
        '<g font-size="13" fill="currentColor">'
        '<rect x="0" y="5" width="{}" height="{}" class="bb-scatter__marked" fill="{}" stroke="{}"/>'
        '<text x="16" y="15">{}</text>'
        '<circle cx="190" cy="10" r="{}" class="bb-scatter__unmarked" fill="none" stroke="{}" '
        'stroke-width="2"/>'
        '<text x="200" y="15">{}</text></g>',
        MARK,
        MARK,
        mark_safe(COLOURS[0]),
        mark_safe(COLOURS[0]),
        chart.marked_label,
        MARK // 2 - 1,
        mark_safe(COLOURS[1]),
        chart.unmarked_label,
    )


def _axes(chart: ScatterChart, plot: _Plot, x_ticks: list[float], y_ticks: list[float]) -> list[str]:
    """Gridlines with their values, and each axis' name (the y axis' above the plot, the x axis' below)."""
    right, bottom = SCATTER_LEFT + plot.width, plot.bottom
    grid = [
        format_html('<path d="M{} {}H{}"/>', SCATTER_LEFT, f"{plot.y(tick):.1f}", right) for tick in y_ticks
    ] + [format_html('<path d="M{} {}V{}"/>', f"{plot.x(tick):.1f}", SCATTER_TOP, bottom) for tick in x_ticks]
    y_values = [
        format_html(
            '<text x="{}" y="{}">{}</text>',
            SCATTER_LEFT - 6,
            f"{plot.y(tick) + 4:.1f}",
            format_value(tick, chart.y_unit),
        )
        for tick in y_ticks
    ]
    x_values = [
        format_html(
            '<text x="{}" y="{}">{}</text>',
            f"{plot.x(tick):.1f}",
            bottom + 16,
            format_value(tick, chart.x_unit),
        )
        for tick in x_ticks
    ]
    return [
        format_html('<g class="bb-scatter__grid" stroke="#c8c8c8">{}</g>', mark_safe("".join(grid))),
        format_html(
            '<path d="M{} {}V{}H{}" class="bb-scatter__axis" fill="none" stroke="currentColor"/>',
            SCATTER_LEFT,
            SCATTER_TOP,
            bottom,
            right,
        ),
        format_html(
            '<g font-size="12" fill="currentColor"><g text-anchor="end">{}</g>'
            '<g text-anchor="middle">{}</g></g>',
            mark_safe("".join(y_values)),
            mark_safe("".join(x_values)),
        ),
        format_html(
            '<g font-size="13" font-weight="bold" fill="currentColor"><text x="0" y="{}">{}</text>'
            '<text x="{}" y="{}" text-anchor="end">{}</text></g>',
            SCATTER_TOP - 12,
            chart.y_label,
            WIDTH - 2,
            bottom + 36,
            chart.x_label,
        ),
    ]


def _points(chart: ScatterChart, plot: _Plot) -> list[str]:
    """The open circles first, the filled squares over them; each with its label as a tooltip."""
    circles, squares = [], []
    for point in chart.points:
        x, y = plot.x(point.x), plot.y(point.y)
        tooltip = " · ".join(
            (
                point.label,
                format_value(point.x, chart.x_unit),
                format_value(point.y, chart.y_unit),
                chart.marked_label if point.marked else chart.unmarked_label,
            )
        )
        if point.marked:
            squares.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
                    f"{x - MARK / 2:.1f}",
                    f"{y - MARK / 2:.1f}",
                    MARK,
                    MARK,
                    tooltip,
                )
            )
        else:
            circles.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="{}"><title>{}</title></circle>',
                    f"{x:.1f}",
                    f"{y:.1f}",
                    MARK // 2 - 1,
                    tooltip,
                )
            )
    return [
        format_html(
            '<g class="bb-scatter__unmarked" fill="none" stroke="{}" stroke-width="2">{}</g>',
            mark_safe(COLOURS[1]),
            mark_safe("".join(circles)),
        ),
        format_html(
            '<g class="bb-scatter__marked" fill="{}" stroke="{}">{}</g>',
            mark_safe(COLOURS[0]),
            mark_safe(COLOURS[0]),
            mark_safe("".join(squares)),
        ),
    ]
