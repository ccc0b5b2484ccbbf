"""A ``BarChart`` as a ReportLab drawing for the PDF report: the same bars as the page's SVG."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from .model import BarChart, format_value

PDF_COLOURS = (colors.HexColor("#1f5f8b"), colors.HexColor("#b35c00"), colors.HexColor("#4d7a2a"))
LABEL = 12
BAR = 9
GAP = 2
GROUP_GAP = 6
LEGEND = 16


def chart_drawing(
    chart: BarChart, *, width: float, font: str = "Helvetica", bold: str = "Helvetica-Bold"
) -> Drawing:
    """The chart drawn ``width`` points wide (its height follows from the number of bars)."""
    legend = LEGEND if len(chart.series) > 1 else 0
    group = LABEL + len(chart.series) * (BAR + GAP) + GROUP_GAP
    height = legend + group * len(chart.categories) + 2
    drawing = Drawing(width, height)
    usable = width - 70
    largest = chart.largest
    top = height
    if legend:
        x = 0.0
        for i, series in enumerate(chart.series):
            drawing.add(Rect(x, top - 10, 8, 8, fillColor=PDF_COLOURS[i % 3], strokeColor=None))
            drawing.add(String(x + 11, top - 9, series.name, fontName=font, fontSize=8))
            x += 24 + 4.6 * len(series.name)
    y = top - legend
    for index, category in enumerate(chart.categories):
        y -= LABEL
        drawing.add(String(0, y + 3, category, fontName=bold, fontSize=8))
        for i, series in enumerate(chart.series):
            y -= BAR + GAP
            value = series.values[index]
            length = 0.0 if value is None else max(0.0, usable * value / largest)
            drawing.add(Rect(0, y, length, BAR, fillColor=PDF_COLOURS[i % 3], strokeColor=None))
            drawing.add(
                String(length + 3, y + 2, format_value(value, chart.unit), fontName=font, fontSize=7.5)
            )
        y -= GROUP_GAP
    return drawing
