"""Money in the Dutch way ("€ 12.500", "€ 12.500,50") and the English way ("€12,500")."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from ui.templatetags.money import format_money, percent_of

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("cents", "dutch", "english"),
    [
        (1_250_000, f"€{NBSP}12.500", "€12,500"),
        (1_250_050, f"€{NBSP}12.500,50", "€12,500.50"),
        (1_250_005, f"€{NBSP}12.500,05", "€12,500.05"),
        (0, f"€{NBSP}0", "€0"),
        (99, f"€{NBSP}0,99", "€0.99"),
        (100_000, f"€{NBSP}1.000", "€1,000"),
        (50_000_000_000, f"€{NBSP}500.000.000", "€500,000,000"),
        (-1_250_000, f"−€{NBSP}12.500", "−€12,500"),
    ],
)
def test_money_is_written_the_way_each_language_writes_it(cents: int, dutch: str, english: str) -> None:
    with translation.override("nl"):
        assert format_money(cents) == dutch
    with translation.override("en"):
        assert format_money(cents) == english


def test_no_amount_is_an_empty_string() -> None:
    assert format_money(None) == ""


def test_the_money_filter_in_a_template() -> None:
    template = Template("{% load money %}{{ amount|money }}")
    with translation.override("nl"):
        assert template.render(Context({"amount": 1_250_050})) == f"€{NBSP}12.500,50"
    with translation.override("en"):
        assert template.render(Context({"amount": 1_250_000})) == "€12,500"


@pytest.mark.parametrize(
    ("part", "whole", "percent"),
    [(50, 200, 25), (0, 100, 0), (5, 0, 0), (None, 10, 0), (300, 100, 100), (1, 3, 33)],
)
def test_percent_of_is_a_whole_percentage_between_0_and_100(
    part: int | None, whole: int | None, percent: int
) -> None:
    assert percent_of(part, whole) == percent


@pytest.mark.parametrize(
    ("cents", "turkish", "arabic"),
    [
        (1_250_000, f"€{NBSP}12.500", f"\N{LEFT-TO-RIGHT ISOLATE}€{NBSP}12.500\N{POP DIRECTIONAL ISOLATE}"),
        (
            123_456_705,
            f"€{NBSP}1.234.567,05",
            f"\N{LEFT-TO-RIGHT ISOLATE}€{NBSP}1.234.567,05\N{POP DIRECTIONAL ISOLATE}",
        ),
        (
            -1_250_000,
            f"−€{NBSP}12.500",
            f"\N{LEFT-TO-RIGHT ISOLATE}−€{NBSP}12.500\N{POP DIRECTIONAL ISOLATE}",
        ),
    ],
)
def test_money_keeps_western_digits_grouped_and_its_order_on_a_right_to_left_page(
    cents: int, turkish: str, arabic: str
) -> None:
    with translation.override("tr"):
        assert format_money(cents) == turkish
    with translation.override("ar"):
        assert format_money(cents) == arabic  # an isolate: "€ 12.500" does not turn into "12.500 €"


def test_large_numbers_are_grouped_on_arabic_pages_too() -> None:
    template = Template("{% load humanize %}{{ n|intcomma }}")
    with translation.override("ar"):
        assert template.render(Context({"n": 1234567})) == "1.234.567"
