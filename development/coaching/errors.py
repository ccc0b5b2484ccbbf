"""Refusals of coaching: partners, coaches, the shared log and the coach's steps, translated."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class CoachingError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "not_district": _("Only an official of this district can do this."),
        "not_in_log": _("Only the coach and the initiators can write in this log."),
        "not_the_coach": _("Only the coach can do this."),
        "coaching_ended": _("This coaching has ended: its log can be read but no longer changed."),
        "already_ended": _("This has already ended."),
        # Partners and their coaches.
        "empty_partner_name": _("Give the name of the organisation."),
        "partner_name_taken": _("This district already has a partner with this name."),
        "partner_ended": _("This organisation is no longer a partner."),
        "unknown_email": _(
            "There is no account with this e-mail address. Ask the person to make an account first."
        ),
        "already_a_coach": _("This person is already a coach of this partner."),
        "text_too_long": _("This text can be at most %(limit)s characters."),
        # Assigning a coach.
        "not_a_coach": _(
            "This person cannot coach here: only staff of the district and coaches of its partners can."
        ),
        "coach_other_district": _("This person works for another district and cannot coach here."),
        "coach_is_initiator": _("An initiator cannot be their own coach."),
        "choose_coach": _("Choose a coach."),
        "choose_idea_or_plan": _("Choose one idea or one draft plan."),
        "other_edition": _("This idea or plan belongs to another edition."),
        "plan_not_draft": _("A coach can only be assigned to a draft plan."),
        "idea_hidden": _("This idea is hidden."),
        # The log and the steps.
        "unknown_kind": _("Choose what kind of entry this is."),
        "empty_note": _("Write something in the entry."),
        "appointment_needs_time": _("Give the date and time of the appointment."),
        "unknown_step": _("Choose a step."),
        "permit_answer_required": _("Say whether a permit is needed."),
        "permit_only_on_permit_step": _("Only the permit step says whether a permit is needed."),
        "step_already_done": _("This step is already marked as done."),
        "step_not_done": _("This step is not marked as done."),
    }
