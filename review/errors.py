"""Every refusal the review and shortlist services can give, with its translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from common.errors import ServiceError


class ReviewError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "not_submitted": _("Only a submitted plan can go into review; this one is “%(status)s”."),
        "too_few_likes": ngettext_lazy(
            "This plan has %(likes)s like; it needs %(needed)s to go into review.",
            "This plan has %(likes)s likes; it needs %(needed)s to go into review.",
            "likes",
        ),
        "not_in_review": _("This plan is not in review; it is “%(status)s”."),
        "unknown_criterion": _("“%(criterion)s” is not on this edition's checklist."),
        "checklist_incomplete": _("Complete the checklist first; still open: %(criteria)s."),
        "verdict_needs_explanation": _(
            "Explain to the public why the plan is “%(verdict)s”: write a public explanation."
        ),
        "cost_change_needs_reason": _(
            "You changed the cost from %(old)s to %(new)s: give the reason, for the public."
        ),
        "adjusted_cost_not_positive": _("The adjusted cost must be more than € 0."),
        "already_published": _("The verdicts of this edition have already been published."),
        "message_required": _("Tell the initiators what they should change."),
        "deadline_in_past": _("The deadline must be in the future."),
        "deadline_after_review": _("The deadline must fall within the review phase, which ends on %(end)s."),
        "no_review_phase": _("This edition has no review phase."),
        "before_publication_date": _("The verdicts can be published from %(date)s; it is too early now."),
        "verdicts_missing": _(
            "Not every plan in review has a verdict yet. Still without a verdict: %(plans)s."
        ),
        "nothing_to_publish": _("There are no recorded verdicts to publish."),
        "not_feasible": _("Only a plan judged feasible can go on the shortlist; this one is “%(status)s”."),
        "reason_required": _("Give the reason why this plan goes on the shortlist."),
        "already_shortlisted": _("This plan is already on the shortlist."),
        "not_shortlisted": _("This plan is not on the shortlist."),
        "shortlist_full": _(
            "The shortlist is full: it has %(count)s of at most %(limit)s plans. Remove one first."
        ),
        "shortlist_published": _("The shortlist of this edition has already been published."),
        "shortlist_empty": _("Choose at least one plan before you publish the shortlist."),
        "shortlist_plans_changed": _(
            "These plans on the shortlist are no longer feasible; remove them first: %(plans)s."
        ),
    }
