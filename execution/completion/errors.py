"""Refusals of the final report and its acceptance, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class CompletionError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "not_running": _("A final report can be submitted only while the project is running or delayed."),
        "report_pending": _("A final report is already waiting for the district."),
        "achieved_required": _("Say what the project achieved."),
        "count_not_valid": _("The numbers of people must be whole numbers of 0 or more."),
        "report_decided": _("The district has already decided on this final report."),
        "note_required": _("Write what the initiators should add or change: they receive this note."),
    }
