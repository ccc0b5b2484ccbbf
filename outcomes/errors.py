"""Every refusal the outcomes services can give, with its translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class OutcomeError(ServiceError):
    """A count that cannot start, or a count that stopped (the message is kept on the count)."""

    messages = {
        "vote_open": _("The vote has not closed yet: the count can start once the vote is over."),
        "unresolved_paper_entries": _(
            "%(number)s paper ballot(s) still wait for a second entry or a review; "
            "finish them before counting."
        ),
        "count_running": _("A count is already running for this edition."),
        "not_queued": _("This count has already started or finished."),
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
    }
