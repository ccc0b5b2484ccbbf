"""Money in the Dutch way: integer cents shown as "€ 12.500" or "€ 12.500,50" (English: "€12,500").

On a right-to-left page (Arabic) the amount is wrapped in a left-to-right isolate (U+2066 … U+2069),
so "€ 12.500" keeps its order inside Arabic text, in attributes and in plain-text mails alike.
"""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language, get_language_bidi

register = template.Library()

LTR_ISOLATE = "\N{LEFT-TO-RIGHT ISOLATE}"
END_ISOLATE = "\N{POP DIRECTIONAL ISOLATE}"


def format_money(cents: int | None) -> str:
    if cents is None:
        return ""
    sign = "−" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    amount = number_format(whole, 0, use_l10n=True, force_grouping=True)
    if rest:
        decimal = "." if (get_language() or "nl").startswith("en") else ","
        amount = f"{amount}{decimal}{rest:02d}"
    if (get_language() or "nl").startswith("en"):
        return f"{sign}€{amount}"
    if get_language_bidi():
        return f"{LTR_ISOLATE}{sign}€\N{NO-BREAK SPACE}{amount}{END_ISOLATE}"
    return f"{sign}€\N{NO-BREAK SPACE}{amount}"


@register.filter(name="money")
def money(cents: int | None) -> str:
    return format_money(cents)


@register.filter(name="percent_of")
def percent_of(part: int | None, whole: int | None) -> int:
    """Whole percentage of ``part`` in ``whole`` (0 when ``whole`` is empty), for progress bars."""
    if not part or not whole:
        return 0
    return max(0, min(100, round(100 * part / whole)))
