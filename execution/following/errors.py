"""Refusals of following, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class FollowError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "follow_not_open": _("You can follow the projects of this edition once its decision has begun."),
        "follow_needs_account": _("Log in with an active account to follow projects."),
    }
