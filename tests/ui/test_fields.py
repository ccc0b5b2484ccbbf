"""EuroField: officials type euros the Dutch or English way; the database gets integer cents."""

from __future__ import annotations

import pytest
from django import forms

from ui.fields import EuroField, format_euros_for_input, parse_euros


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("12500", 1_250_000),
        ("12.500", 1_250_000),
        ("12.500,50", 1_250_050),
        ("12500,5", 1_250_050),
        ("€ 1.250", 125_000),
        ("€\N{NO-BREAK SPACE}500.000", 50_000_000),
        ("12,500.75", 1_250_075),
        ("0,99", 99),
        ("1.5", 150),
    ],
)
def test_amounts_typed_either_way_become_cents(typed: str, cents: int) -> None:
    assert parse_euros(typed) == cents


@pytest.mark.parametrize("typed", ["", "abc", "12,345,6", "1.2.3", "12,505", "-5", "1e5", "12,999"])
def test_text_that_is_not_an_amount_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_euros(typed)


def test_field_gives_a_translated_message_and_respects_the_minimum() -> None:
    field = EuroField(min_cents=100)
    with pytest.raises(forms.ValidationError) as bad:
        field.clean("twaalf")
    assert bad.value.code == "invalid"
    assert "12.500,50" in bad.value.messages[0]
    with pytest.raises(forms.ValidationError) as low:
        field.clean("0,50")
    assert low.value.code == "min_value"
    assert field.clean("1") == 100


def test_amounts_are_shown_back_in_euros() -> None:
    assert format_euros_for_input(1_250_000) == "12500"
    assert format_euros_for_input(1_250_050) == "12500,50"
