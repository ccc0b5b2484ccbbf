"""Form fields for money: people type euros ("12.500", "12500,50", "€ 1.250"); we store cents."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .templatetags.money import format_money

_DUTCH_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")
# "12,500" alone is ambiguous (Dutch: a typo with three decimals); English grouping is taken only
# when it cannot be Dutch: two or more groups, or a decimal point.
_ENGLISH_GROUPED = re.compile(r"^\d{1,3}((,\d{3}){2,}(\.\d{1,2})?|,\d{3}\.\d{1,2})$")


def parse_euros(text: str) -> int:
    """Cents for an amount typed the Dutch or the English way; ValueError when it is not one."""
    cleaned = text.strip().replace("€", "").replace("\N{NO-BREAK SPACE}", "").replace(" ", "")
    if cleaned.startswith("-"):
        raise ValueError("negative")
    if _DUTCH_GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _ENGLISH_GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        raise ValueError(text)
    try:
        return int((Decimal(cleaned) * 100).to_integral_exact())
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def format_euros_for_input(cents: int) -> str:
    whole, rest = divmod(cents, 100)
    return f"{whole},{rest:02d}" if rest else str(whole)


class EuroWidget(forms.TextInput):
    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, int):
            return format_euros_for_input(value)
        return super().format_value(value)


class EuroField(forms.Field):
    """An amount in euros, cleaned to integer cents; refuses negatives and more than two decimals."""

    widget = EuroWidget
    default_error_messages = {
        "invalid": _("Enter an amount in euros, for example 12500 or 12.500,50."),
        "min_value": _("The amount must be at least %(limit)s."),
    }

    def __init__(self, *, min_cents: int = 0, **kwargs: Any) -> None:
        self.min_cents = min_cents
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            cents = parse_euros(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if cents < self.min_cents:
            raise forms.ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": format_money(self.min_cents)},
            )
        return cents


class DayInput(forms.DateInput):
    """A browser date picker: ``<input type="date">`` always holds an ISO date (2026-12-06), whatever
    the page's language, so the value is written that way (a localised "06-12-2026" shows empty)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")
