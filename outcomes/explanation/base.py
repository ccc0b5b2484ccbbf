"""The words every explanation uses: amounts, numbers, lists of names, and what a plan's text is made of."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ui.templatetags.money import format_money

MES = "mes"
GREEDY = "greedy"


@dataclass(frozen=True)
class PlanExplanation:
    plan_id: int
    funded: bool
    round: int | None
    text: str
    reasons: tuple[str, ...] = ()
    comparison: str = ""


@dataclass(frozen=True)
class PlanRow:
    """What the texts need of one plan row of the section."""

    id: int
    key: str
    title: str
    cost: Fraction
    supporters: int
    points: int | None


def fraction(value: Any) -> Fraction | None:
    if value is None:
        return None
    return Fraction(str(value)) if isinstance(value, str) else Fraction(value)


def number_text(n: int) -> str:
    return number_format(n, 0, use_l10n=True, force_grouping=True)


def euros(cents: Fraction) -> str:
    """A derived amount (a sum of shares): whole euros, or to the cent below € 10."""
    if abs(cents) < 1000:
        return format_money(round(cents))
    return format_money(round(cents / 100) * 100)


def at_most(cents: Fraction | None) -> str | None:
    """An upper bound to show: rounded down, to whole euros from € 10 on; None for nothing or € 0."""
    if not cents:
        return None
    return format_money(math.floor(cents) if cents < 1000 else math.floor(cents / 100) * 100)


def cost_text(cents: Fraction) -> str:
    return format_money(math.ceil(cents))


def support_text(supporters: int, points: int | None = None) -> str:
    """'1,204 voters', or '1,204 voters (3,100 points)' for cumulative ballots."""
    voters = ngettext("%(count)s voter", "%(count)s voters", supporters) % {"count": number_text(supporters)}
    if points is None:
        return voters
    return _("%(voters)s (%(points)s points)") % {"voters": voters, "points": number_text(points)}


def join_names(parts: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the active language."""
    if len(parts) <= 1:
        return "".join(parts)
    return _("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}
