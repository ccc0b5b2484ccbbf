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
        "photo_needs_description": _("Say what each photo shows, for people who cannot see it."),
        "photo_too_large": _("A photo is %(size)s; it can be at most %(limit)s."),
        "photo_not_accepted": _("That file is not a JPEG, PNG or WebP image."),
        "photo_too_many_pixels": _("The photo is larger than %(megapixels)s megapixels: take a smaller one."),
        "too_many_photos": _("A final report can have at most %(limit)s photos."),
        "report_decided": _("The district has already decided on this final report."),
        "note_required": _("Write what the initiators should add or change: they receive this note."),
    }
