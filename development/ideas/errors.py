"""Every refusal the idea services can give, with its translated message; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from common.errors import ServiceError


class IdeaError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "ideas_closed": _("Ideas can only be shared while the ideas or plans phase is open."),
        "title_required": _("Give your idea a title."),
        "text_required": _("Describe your idea in a few sentences."),
        "text_too_long": _("This text can be at most %(limit)s characters."),
        "neighbourhood_required": _("Choose the neighbourhood of your idea."),
        "neighbourhood_outside_area": _(
            "%(neighbourhood)s is not in %(district)s, the area of this edition."
        ),
        "unknown_need": _("Choose the help you need from the list."),
        "workshop_not_in_edition": _("Choose one of this edition's plan workshops."),
        "not_yours": _("Only the initiator of this idea can do this."),
        "already_a_plan": _("This idea has already become a plan."),
        "hidden": _("This idea has been hidden by a moderator."),
        "cannot_support_own_idea": _("You cannot support your own idea."),
        "already_supported": _("You already support this idea."),
        "not_supported": _("You do not support this idea yet."),
        "comments_closed": _("Comments are closed in this phase."),
        "email_not_confirmed": _(
            "Confirm your e-mail address first, with the link we mailed you. You can have it sent again "
            "on your account page."
        ),
        "empty_comment": _("Write something before you post."),
        "too_many_comments": ngettext_lazy(
            "You have posted many comments in a short time. Please wait %(minutes)s minute.",
            "You have posted many comments in a short time. Please wait %(minutes)s minutes.",
            "minutes",
        ),
        "cannot_join_own_idea": _("You cannot join your own idea: you are its initiator."),
        "already_joined": _("You have already asked to join this idea."),
        "offer_required": _("Say what you would like to offer."),
        "unknown_role": _("Choose how you would like to join."),
        "request_answered": _("This request has already been answered."),
        "not_a_member": _("You are not on board of this idea."),
        "not_moderator": _("Only moderators of this district can do this."),
        "reason_required": _("Give a reason."),
        "already_hidden": _("This has already been hidden."),
        "theme_required": _("Choose a theme for your plan."),
        "drafts_closed": _("An idea can become a plan only while plans can be written."),
    }
