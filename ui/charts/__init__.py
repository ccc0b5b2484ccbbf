"""Charts drawn on the server: one description (``model``), two renderings (SVG for the page,
``svg``; a ReportLab drawing for the PDF, ``pdf``), and a data table for everyone who does not read the
picture (``ui/charts/figure.html``). Bar charts serve the learning report; the scatter chart (votes
against cost) the results page."""

from .model import BarChart, Point, ScatterChart, Series

__all__ = ["BarChart", "Point", "ScatterChart", "Series"]
