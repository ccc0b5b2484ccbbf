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
    }
