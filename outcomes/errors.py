"""Every refusal the outcomes services can give, with its translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from common.errors import ServiceError


class OutcomeError(ServiceError):
    """A count that cannot start, or a count that stopped (the message is kept on the count)."""

    messages = {
        "vote_open": _("The vote has not closed yet: the count can start once the vote is over."),
        "unresolved_paper_entries": ngettext_lazy(
            "%(number)s paper ballot still waits for a second entry or a review; finish it before counting.",
            "%(number)s paper ballots still wait for a second entry or a review; "
            "finish them before counting.",
            "number",
        ),
        "count_running": _("A count is already running for this edition."),
        "not_queued": _("This count has already started or finished."),
        "no_longer_running": _(
            "This count was stopped before it finished (it ran too long, or its worker ended), so its "
            "result was not stored. Start the count again."
        ),
        "no_plans": _("There are no plans on the ballot, so there is nothing to count."),
        "unknown_section": _("A ballot has a part “%(section)s” that is not on the ballot any more."),
        "unknown_plan": _(
            "A ballot chooses plan %(plan)s, which is not on the ballot of %(section)s any more."
        ),
        "engine_failed": _("The count stopped: %(detail)s"),
        "not_publishable": _(
            "This result cannot be published now: it is not the current result, or its publication date "
            "has not come yet."
        ),
        "already_published": _("This result has already been published."),
        "result_published": _("The result has been published and taken effect; it cannot be counted again."),
        "no_public_vote": _("In this edition the citizens' panel decides: there is no public vote to count."),
        # The citizens' panel's decision (outcomes.services.panel).
        "not_facilitator": _("Only the facilitator of this edition's citizens' panel can do this."),
        "decision_not_open": _("The citizens' panel cannot decide now: its decision phase is not open."),
        "round_not_found": _("This ballot round does not belong to this edition."),
        "round_open": _("This ballot round is still open: close it before counting."),
        "round_empty": _("Nobody voted in this ballot round, so there is nothing to count."),
        "round_not_counted": _("Count this ballot round first: the decision is the result of its count."),
        "decision_recorded": _("The citizens' panel's decision has already been recorded."),
        "plans_changed": _(
            "The plans on the ballot have changed since this page was opened. Look at them again and "
            "record the decision anew."
        ),
        "reason_missing": _("Give the panel's reason for “%(plan)s”."),
        "over_section_budget": _(
            "The chosen plans in %(section)s cost %(cost)s, more than its budget of %(budget)s."
        ),
        "over_total_budget": _(
            "The chosen plans cost %(cost)s in total, more than the budget of %(budget)s."
        ),
        "unknown_method": _("Choose how the panel decided: by a vote in a session, or by consensus."),
    }
