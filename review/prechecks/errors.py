"""Every refusal of the pre-check services, with its translated message; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ReviewError


class PrecheckError(ReviewError):
    messages = {
        **ReviewError.messages,
        "not_initiator": _("Only the initiators of this plan can ask for a first check."),
        "already_submitted": _(
            "This plan has already been submitted: the review will look at it. A first check is for drafts."
        ),
        "not_open": _("You can ask for a first check only while plans are being written."),
        "already_open": _(
            "A first check of this plan is already waiting for an answer. "
            "You can ask again after it is answered."
        ),
        "text_too_long": _("This text can be at most %(limit)s characters."),
        "not_district": _("Only a reviewer or an official of the district can answer a first check."),
        "unknown_outcome": _("Choose a first impression for “%(criterion)s”."),
        "summary_required": _("Write your advice in short: the initiators read this first."),
        "answered_before_asked": _("A first check cannot be answered before it was asked."),
        "already_answered": _("This first check has already been answered."),
    }
