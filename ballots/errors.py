"""Every refusal a ballot can get, from the online vote and the panel's ballot alike."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class BallotError(ServiceError):
    """The ballot itself is invalid (the API answers 422 with ``code`` and ``message``)."""

    messages = {
        "wrong_format": _("The ballot is not in the format this vote uses."),
        "unknown_section": _("The ballot has a part “%(section)s” that this vote does not have."),
        "unknown_plan": _("Plan %(plan)s is not on this ballot."),
        "duplicate_plan": _("The same plan is chosen twice."),
        "too_many_plans": _("You chose %(given)s plans in %(section)s; you can choose at most %(allowed)s."),
        "over_budget": _("Your choice in %(section)s costs %(cost)s, more than the budget of %(budget)s."),
        "too_many_points": _("You gave %(given)s points in %(section)s; you have %(allowed)s to spread."),
        "points_not_whole": _("Points must be whole numbers."),
        "points_negative": _("Points cannot be negative."),
        "empty_ballot": _("Choose at least one plan."),
    }
