"""Refusals of plan workshops and their sign-ups, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class WorkshopError(ServiceError):
    messages = {
        "not_allowed": _("Only officials of the district can manage its plan workshops."),
        "title_required": _("Give the workshop a title."),
        "place_required": _("Say where the workshop takes place."),
        "text_too_long": _("This text can be at most %(limit)s characters."),
        "ends_before_start": _("The workshop must end after it starts."),
        "starts_in_the_past": _("A new workshop cannot start in the past."),
        "capacity_too_small": _("A workshop needs at least one place."),
        "capacity_too_large": _("A workshop can have at most %(limit)s places."),
        "capacity_below_taken": _(
            "%(taken)s places are taken already: the workshop needs at least that many places."
        ),
        "unknown_language": _("Choose one of the languages of this site."),
        "cancelled": _("This workshop is cancelled."),
        "already_over": _("This workshop has already taken place."),
        "sign_up_closed": _("Signing up for plan workshops is not open now."),
        "inactive_account": _("Your account is not active."),
        "already_signed_up": _("You are already signed up for this workshop."),
        "full": _("This workshop is full."),
        "not_signed_up": _("You are not signed up for this workshop."),
        "not_started": _("Attendance can be recorded once the workshop has started."),
        "sign_up_cancelled": _("This sign-up was cancelled."),
    }
