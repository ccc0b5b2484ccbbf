"""Charts of the learning report, drawn on the server: one description (``model``), two renderings
(SVG for the page, ``svg``; a ReportLab drawing for the PDF, ``pdf``), and a data table for everyone
who does not read the picture (``evaluation/charts/table.html``)."""

from .model import BarChart, Series

__all__ = ["BarChart", "Series"]
