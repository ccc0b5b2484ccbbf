"""Every refusal the panel's ballot-round services can give, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class RoundError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "not_deciding": _("The panel can only vote while it takes its decision."),
        "no_panel": _("The panel has not been published yet, or it has no members."),
        "round_open": _("A ballot round is already open. Close it before you open a new one."),
        "decision_recorded": _("The panel's decision has already been recorded: no new round can be opened."),
        "wrong_session": _("This session does not belong to this edition."),
        "no_round": _("There is no ballot round open now."),
        "round_closed": _("This ballot round has been closed."),
        "already_voted": _("You have already voted in this round."),
        "card_used": _("This ballot card has already been used: it cannot be replaced."),
        "unknown_code": _("This code is not known for this round. Check it against your ballot card."),
        "session_expired": _("Your ballot has expired. Enter the code from your card again."),
    }
