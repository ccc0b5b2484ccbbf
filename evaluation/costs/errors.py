"""Refusals of the running costs, translated; a refusal saves nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import EvaluationError


class CostError(EvaluationError):
    messages = {
        **EvaluationError.messages,
        "description_required": _("Describe what the cost was for."),
        "hours_not_valid": _("Staff hours must be a number of 0 or more, with at most one decimal."),
        "amount_not_valid": _("The amount must be 0 euros or more."),
        "empty_line": _("Enter staff hours, an amount, or both."),
        "other_edition": _("This cost belongs to another edition."),
    }
