"""Refusals of blockers and help requests, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class ObstacleError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "unknown_category": _("Choose what kind of obstacle this is."),
        "empty_description": _("Describe what is in the way."),
        "empty_resolution": _("Say how it was solved: this is shown on the project page."),
        "text_too_long": _("This text can be at most %(limit)s characters."),
        "already_resolved": _("This obstacle has already been resolved."),
        "resolved_before_opened": _("An obstacle cannot be resolved before it was recorded."),
        "empty_question": _("Write your question."),
        "empty_answer": _("Write your answer."),
        "already_answered": _("This question has already been answered."),
        "answered_before_asked": _("A question cannot be answered before it was asked."),
    }
