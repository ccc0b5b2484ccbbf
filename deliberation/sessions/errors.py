"""Every refusal the panel's work-session services can give, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class SessionError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "no_panel": _("This edition has no citizens' panel."),
        "record_closed": _(
            "The panel's decision has been published: the record of its sessions can no longer be changed."
        ),
        "title_required": _("Give the session a title."),
        "place_required": _("Say where the session takes place."),
        "agenda_required": _("Write the agenda: one item per line."),
        "ends_before_start": _("The session must end after it starts."),
        "panel_not_published": _("Attendance can be recorded once the panel has been drawn and published."),
        "not_on_panel": _("Only members of the panel can be marked present."),
        "not_started": _("This session has not started yet: record attendance and minutes once it has."),
        "minutes_required": _("The minutes are empty."),
        "plan_not_on_ballot": _("“%(plan)s” is not one of the plans the panel decides on."),
        "already_invited": _("The initiators of “%(plan)s” have already been invited to this session."),
        "question_required": _("Write the panel's question."),
        "wrong_session": _("That session belongs to another edition."),
        "answer_required": _("Write the answer."),
        "answer_unchanged": _("The answer is the same as before: nothing was changed."),
    }
