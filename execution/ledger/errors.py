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
        "amount_not_positive": _("The amount must be more than € 0."),
        "unknown_line": _("That cost line is not part of this project."),
        "same_line": _("Choose two different cost lines."),
        "reference_required": _("Give the payment's reference from the finance system."),
        "duplicate_reference": _(
            "A payment with the reference “%(reference)s” is already recorded in this edition."
        ),
        "date_in_future": _("The date cannot be in the future."),
        "not_scheduled_here": _("That scheduled payment is not part of this project's agreement."),
        "already_settled": _("That scheduled payment has already been paid."),
        "line_short": _(
            "“%(line)s” cannot give %(amount)s: %(used)s of it is already committed, paid or spent."
        ),
        "over_budget": _(
            "The edition has %(left)s left that is not awarded to a project: a top-up cannot be more."
        ),
        "description_required": _("Say what was bought."),
        "receipt_required": _("Add the receipt: a photo, a scan or a PDF."),
        "receipt_too_large": _("The receipt is %(size)s; it can be at most %(limit)s."),
        "receipt_not_accepted": _("The receipt must be a photo (JPEG, PNG or WebP) or a PDF file."),
        "receipt_too_many_pixels": _(
            "The photo is larger than %(megapixels)s megapixels: take a smaller one."
        ),
    }
