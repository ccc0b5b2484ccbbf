"""Refusals of the agreement services, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class AgreementError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "no_milestones": _("An agreement needs at least one milestone."),
        "milestone_without_title": _("Milestone %(number)s has no description: say what will be done."),
        "milestone_before_decision": _(
            "Milestone %(number)s is planned before the decision of %(decided_on)s: choose a later date."
        ),
        "payment_before_decision": _(
            "Payment %(number)s is due before the decision of %(decided_on)s: choose a later date."
        ),
        "milestone_amount_negative": _("The money tied to milestone %(number)s cannot be negative."),
        "payment_not_positive": _("Payment %(number)s must be more than € 0."),
        "instalment_without_milestone": _(
            "Payment %(number)s is an instalment: choose the milestone it is paid on."
        ),
        "unknown_milestone": _("Payment %(number)s names a milestone that is not in this agreement."),
        "unknown_kept_milestone": _("Milestone %(number)s is not a milestone of the agreement in force."),
        "duplicate_milestone": _("Milestone %(number)s appears twice in this agreement."),
        "unknown_line": _("A payment or milestone names a cost line that is not one of this project's."),
        "unknown_kind": _("Payment %(number)s has no valid kind: advance, instalment or final settlement."),
        "over_award": _(
            "The payments on “%(line)s” add up to %(scheduled)s, more than the %(available)s awarded to it."
        ),
        "below_paid": _(
            "The payments on “%(line)s” add up to %(scheduled)s, less than the %(paid)s already paid on it."
        ),
        "milestone_money_without_line": _(
            "Milestone %(number)s has money tied to it: choose the cost line it comes from."
        ),
        "reason_required": _("Say what changes and why: it is published with the new version."),
        "acceptance_reason_required": _("Give the reason for accepting this change: it is published."),
        "pending_exists": _(
            "A version of this agreement is already waiting for confirmation: confirm it or have it "
            "withdrawn first."
        ),
        "not_pending": _("This version no longer waits for confirmation."),
        "already_confirmed": _("Your side has already confirmed this version."),
        "not_proposer": _("Only the side that proposed this version can withdraw it."),
        "own_proposal": _("Your side proposed this version: withdraw it instead of declining it."),
        "decline_reason_required": _("Say why you decline this version: the other side reads it."),
    }
