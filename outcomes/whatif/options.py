"""The what-if's options: which rule, which budget, with or without the split into parts."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RuleOption:
    """One rule a resident may choose: pbrules' rule name, its completion, and its name in plain words."""

    value: str
    rule: str
    completion: str
    label: str | Promise


RULE_OPTIONS = (
    RuleOption("greedy", "greedy", "", _("Most votes first, until the money runs out")),
    RuleOption("mes", "mes", "exhaustion", _("Equal Shares, then the money left to plans with most votes")),
    RuleOption("mes-only", "mes", "none", _("Equal Shares only, money left stays unspent")),
    RuleOption(
        "phragmen", "phragmen", "", _("Phragmén: the cost of each plan spread evenly over its voters")
    ),
)
RULES_BY_VALUE = {o.value: o for o in RULE_OPTIONS}
# The percentage stays out of the translated words: templates look "%" up as "%%".
BUDGET_OPTIONS = (
    (50, _("Half")),
    (75, _("A quarter less")),
    (100, _("The same")),
    (125, _("A quarter more")),
    (150, _("Half more")),
)
SPLIT, POOLED = "yes", "no"


@dataclass(frozen=True)
class Options:
    """A chosen what-if: a rule option, the budget in percent of each part's budget, split or pooled."""

    rule: str
    budget_percent: int
    split: bool

    @property
    def rule_option(self) -> RuleOption:
        return RULES_BY_VALUE[self.rule]

    def budget_of(self, budget_cents: int) -> int:
        """The what-if budget of an official budget: its percentage, rounded down to whole cents."""
        return budget_cents * self.budget_percent // 100

    @property
    def key(self) -> str:
        return f"{self.rule}:{self.budget_percent}:{SPLIT if self.split else POOLED}"


class WhatIfForm(forms.Form):
    """The options as the page's GET query sends them (they are not personal)."""

    rule = forms.ChoiceField(label=_("Counting rule"), choices=[(o.value, o.label) for o in RULE_OPTIONS])
    budget = forms.TypedChoiceField(
        label=_("Budget, compared with the real budget"),
        coerce=int,
        choices=[(str(p), format_lazy("{} ({} %)", label, p)) for p, label in BUDGET_OPTIONS],
    )
    split = forms.ChoiceField(
        label=_("Parts of the budget"),
        choices=[(SPLIT, _("Each part its own budget")), (POOLED, _("All parts together, one budget"))],
        required=False,
    )

    def options(self) -> Options:
        data = self.cleaned_data
        return Options(rule=data["rule"], budget_percent=data["budget"], split=data.get("split") != POOLED)
