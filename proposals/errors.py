"""Every refusal the plan services can give, with its translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from common.errors import ServiceError


class PlanError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "illegal_transition": _("A plan that is “%(current)s” cannot become “%(target)s”."),
        "status_changed": _("Someone else changed this plan at the same time. Please reload the page."),
        "not_yours": _("Only the plan's initiators can do this."),
        "not_editable": _("This plan can no longer be changed: its review has started."),
        "theme_not_in_edition": _("Choose one of this edition's themes."),
        "neighbourhood_outside_area": _(
            "%(neighbourhood)s is not in %(district)s, the area of this edition."
        ),
        "over_max_cost": _("The plan costs %(cost)s; a plan in this edition may cost at most %(limit)s."),
        "no_cost_lines": _("Add at least one cost line."),
        "empty_cost_line": _("Every cost line needs a description and an amount."),
        "non_positive_amount": _("Every amount must be more than € 0."),
        "too_young": _("Plans in this edition can be submitted from the age of %(min_age)s."),
        "incomplete": _("Fill in %(fields)s before you submit."),
        "point_incomplete": _("Give both the latitude and the longitude, or neither."),
        "point_outside_area": _("That point is not in the Netherlands; check the coordinates."),
        "too_many_images": _("A plan can have at most %(limit)s images."),
        "image_too_large": _("The image is %(size)s; the most you can upload is %(limit)s."),
        "not_an_image": _("That file is not a JPEG, PNG or WebP image."),
        "image_too_many_pixels": _(
            "The image has too many pixels; the most is %(megapixels)s megapixels. "
            "Make it smaller and try again."
        ),
        "image_needs_description": _("Describe what the image shows, for people who cannot see it."),
        "already_invited": _("%(email)s has already been invited."),
        "cannot_invite_self": _("You are already the initiator of this plan."),
        "too_many_invitations": ngettext_lazy(
            "You can send at most %(limit)s invitation an hour. Please try again later.",
            "You can send at most %(limit)s invitations an hour. Please try again later.",
            "limit",
        ),
        "invitation_not_for_you": _("This invitation was sent to another e-mail address."),
        "invitation_answered": _("This invitation has already been answered."),
        "not_in_support_phase": _("Plans can only be supported during the support phase."),
        "already_liked": _("You already support this plan."),
        "not_liked": _("You do not support this plan yet."),
        "cannot_like_own_plan": _("You cannot support your own plan."),
        "not_public": _("This plan is not public."),
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
        "comment_too_long": _("A comment can be at most %(limit)s characters."),
        "reply_to_reply": _("You can reply to a comment, not to a reply."),
        "already_reported": _("You have already reported this comment."),
        "reason_required": _("Give a reason."),
        "already_hidden": _("This comment is already hidden."),
        "support_closed": _("This plan can no longer be supported: it is “%(status)s”."),
        "reply_not_found": _("The comment you replied to is not part of this plan."),
        "reason_too_long": _("A reason can be at most %(limit)s characters."),
        "no_open_reports": _("This comment has no open reports."),
        "not_moderator": _("Only moderators of this district can do this."),
        "withdraw_too_late": _("A plan can no longer be withdrawn once the decision has started."),
        "deadline_passed": _("The deadline for changes has passed."),
        "already_submitted": _("This plan has already been submitted."),
        "not_a_draft": _("Only a draft can be deleted; withdraw a submitted plan instead."),
        "no_changes_requested": _("No changes have been asked for on this plan."),
        "invalid_invitation": _("This invitation link is not valid or has expired."),
        "title_required": _("Give your plan a title."),
    }
