"""How the report writes pbrules' average satisfaction: euros of chosen plans a voter supported (cost
satisfaction) or a number of plans (cardinality), and not at all where the ballots gave points or ranks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ui.templatetags.money import format_money

# Ballots on which a supported plan counts once: the satisfaction is money or plans, nothing weighed.
PLAIN_BALLOTS = frozenset({"approval", "knapsack"})


def _measure(quality: Mapping[str, Any]) -> str:
    return "cardinality" if quality.get("satisfaction") == "cardinality" else "cost"


def shows_satisfaction(evidence: Mapping[str, Any]) -> bool:
    """Whether average satisfaction has a unit to show: not where voters spread points or ranked plans
    (pbrules then weighs each plan by its points or rank)."""
    ballot_format = (evidence.get("edition") or {}).get("ballot_format")
    return ballot_format in PLAIN_BALLOTS or not ballot_format


def satisfaction_header(quality: Mapping[str, Any]) -> str:
    if _measure(quality) == "cardinality":
        return _("Average satisfaction (plans)")
    return _("Average satisfaction (€)")


def satisfaction_value(value: float | None, quality: Mapping[str, Any]) -> str:
    """A number of plans (one decimal), or whole euros (cost satisfaction is in the ballot file's cost
    unit, cents)."""
    if value is None:
        return "–"
    if _measure(quality) == "cardinality":
        return number_format(round(value, 1), decimal_pos=1)
    return format_money(round(value / 100) * 100)


def satisfaction_explanation(quality: Mapping[str, Any], evidence: Mapping[str, Any]) -> str:
    if not shows_satisfaction(evidence):
        average = _(
            "The voters spread points or ranked the plans, so a voter's satisfaction weighs each plan by "
            "its points or rank and has no unit to show; the share of voters with a chosen plan they "
            "supported is shown instead."
        )
    elif _measure(quality) == "cardinality":
        average = _(
            "Average satisfaction: the number of chosen plans a voter supported, averaged over the voters."
        )
    else:
        average = _(
            "Average satisfaction: the money of the chosen plans a voter supported, in euros, averaged "
            "over the voters."
        )
    gini = _(
        "Gini (of the money of the chosen plans each voter supported): 0 when every voter is equally "
        "satisfied, towards 1 when a few voters get everything."
    )
    return f"{average} {gini}"
