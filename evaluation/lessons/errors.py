"""Refusals of the lessons register, translated; a refusal saves nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import EvaluationError


class LessonError(EvaluationError):
    messages = {
        **EvaluationError.messages,
        "finding_required": _("Write down what was found."),
        "recommendation_required": _("Write down what the next edition should do."),
        "unknown_figure": _("Choose a figure of the learning report as evidence."),
        "not_later": _("A lesson can only be adopted by a later edition of the same municipality."),
        "setting_without_edition": _(
            "Say which edition adopted the lesson before naming the setting it changed."
        ),
        "unknown_setting": _("Choose one of the settings an edition has."),
        "other_edition": _("This lesson belongs to another edition."),
    }
