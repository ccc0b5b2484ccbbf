"""Charts drawn on the server (ui.charts): the scatter chart tells marked points by shape and fill, has a
text alternative, carries no style attribute (the pages' CSP), and its axes end on round values."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from django.utils import translation

from ui.charts import BarChart, Point, ScatterChart, Series
from ui.charts.model import nice_ticks
from ui.charts.svg import render_scatter_svg, render_svg

SVG = "{http://www.w3.org/2000/svg}"


def chart(points: list[Point]) -> ScatterChart:
    return ScatterChart(
        key="votes-cost-main",
        title="Votes and cost",
        points=points,
        x_label="Cost",
        y_label="Voters",
        marked_label="Funded",
        unmarked_label="Not funded",
        x_unit="euro",
        description="Funded plans are filled squares.",
    )


def test_marked_points_are_filled_squares_and_the_others_open_circles() -> None:
    points = [
        Point("Bankjes", 1_500_000, 120, marked=True),
        Point("Pannaveld", 3_800_000, 436),
        Point("Zon", 0, 0),
    ]

    svg = ElementTree.fromstring(str(render_scatter_svg(chart(points))))

    squares = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    circles = [c for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert [r.findtext(f"{SVG}title") for r in squares] == ["Bankjes · € 15.000 · 120 · Funded"]
    assert len(circles) == 2 and all("Not funded" in (c.findtext(f"{SVG}title") or "") for c in circles)
    fills = {
        g.get("class"): g.get("fill")
        for g in svg.iter(f"{SVG}g")
        if g.get("class", "").startswith("bb-scatter__")
    }
    assert fills["bb-scatter__unmarked"] == "none" and fills["bb-scatter__marked"] != "none"


def test_the_scatter_chart_is_an_image_with_its_title_and_description_and_no_style_attribute() -> None:
    text = str(render_scatter_svg(chart([Point("<script>", 100, 1)])))
    svg = ElementTree.fromstring(text)

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-votes-cost-main-title chart-votes-cost-main-desc"
    assert svg.findtext(f"{SVG}title") == "Votes and cost"
    assert svg.findtext(f"{SVG}desc") == "Funded plans are filled squares."
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert not re.search(r"\sstyle=", text)


def test_points_sit_inside_the_plot_the_largest_on_the_top_gridline_or_below() -> None:
    svg = ElementTree.fromstring(str(render_scatter_svg(chart([Point("A", 4_000_000, 436, marked=True)]))))

    [square] = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    view_width = float((svg.get("viewBox") or "").split()[2])
    assert 0 < float(square.get("x") or -1) < view_width
    assert float(square.get("y") or -1) > 0


def test_axis_values_are_written_in_the_page_language() -> None:
    with translation.override("en"):
        english = str(render_scatter_svg(chart([Point("A", 4_000_000, 1_500)])))
    with translation.override("nl"):
        dutch = str(render_scatter_svg(chart([Point("A", 4_000_000, 1_500)])))
    assert "€ 40,000" in english and "€ 40.000" in dutch


def test_ticks_are_round_and_reach_the_largest_value() -> None:
    assert nice_ticks(436) == [0, 200, 400, 600]
    assert nice_ticks(3_800_000) == [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]
    assert nice_ticks(100) == [0, 50, 100]
    assert nice_ticks(0) == [0.0, 1.0]


def test_the_scatter_charts_rows_are_its_text_alternative() -> None:
    with translation.override("nl"):
        rows = chart([Point("Bankjes", 1_500_000, 120, marked=True)]).rows()
    assert rows == [("Bankjes", "€ 15.000", "120", "Funded")]


def test_the_bar_chart_moved_with_its_rendering() -> None:
    bars = BarChart(
        key="k", title="Opkomst", categories=["Noord"], series=[Series("Gestemd", [12.5])], unit="percent"
    )
    assert "Opkomst" in str(render_svg(bars)) and bars.rows()[0][0] == "Noord"
