"""Every refusal of the phase-date service, with its translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class PhaseDateError(ServiceError):
    """A phase's end cannot move this way; nothing changed."""

    messages = {
        "not_allowed": _("Only the district's officials can change this edition's phases."),
        "reason_required": _("Give a reason: it is kept in the audit log."),
        "unknown_phase": _("This edition has no such phase."),
        "not_running": _("Only a running phase can be closed early; “%(phase)s” is not running."),
        "already_ended": _("The phase “%(phase)s” has already ended; an ended phase cannot be extended."),
        "not_later": _("The new end must be later than the current end (%(ends_at)s)."),
        "following_phase": _(
            "Extending to this date leaves the phase “%(phase)s” no time: move its end in the edition first."
        ),
    }
