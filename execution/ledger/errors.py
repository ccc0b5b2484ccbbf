"""Refusals of the money ledger, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class LedgerError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "over_award": _(
            "That is more than is left on “%(line)s”: a line cannot be paid, spent or returned beyond "
            "what was awarded. Ask the district to move money to this line first."
        ),
        "reason_required": _("Give the reason: it is published with the decision."),
    }
