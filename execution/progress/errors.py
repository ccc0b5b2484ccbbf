"""Refusals of progress reporting and status changes, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class ProgressError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "illegal_transition": _("A project that is “%(current)s” cannot become “%(target)s”."),
        "transition_not_yours": _("Only the district can make a project “%(target)s”."),
        "reason_required": _("Say why: the reason is shown on the project page."),
        "empty_update": _("Write what happened: an update needs a text."),
        "update_too_long": _("An update can be at most %(limit)s characters."),
        "bad_percentage": _("The progress must be a whole number from 0 to 100."),
        "unknown_milestone": _("That milestone is not one of this project's milestones."),
        "milestone_already_reached": _("The milestone “%(milestone)s” was already reached."),
        "not_moderator": _("Only moderators of this district can do this."),
        "already_hidden": _("This update has already been hidden."),
        "reason_too_long": _("A reason can be at most %(limit)s characters."),
    }
