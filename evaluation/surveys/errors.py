"""Refusals of the surveys: editing a questionnaire, answering it, and who may answer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import EvaluationError


class SurveyError(EvaluationError):
    messages = {
        **EvaluationError.messages,
        "survey_closed": _("This survey is closed: it takes no more answers."),
        "already_answered": _("You have already answered this survey. Thank you!"),
        "not_eligible": _("This survey is not for you, or not yet."),
        "pass_expired": _("Your link to the survey has expired or is not valid. Thank you for voting!"),
        "answer_required": _("Answer the question “%(question)s”."),
        "not_a_number": _("Choose a number for “%(question)s”."),
        "out_of_scale": _("The answer to “%(question)s” must be between %(low)s and %(high)s."),
        "unknown_choice": _("Choose one of the options given for “%(question)s”."),
        "text_too_long": _("The answer to “%(question)s” may be at most %(limit)s characters long."),
        "unknown_question": _("The answers name a question this survey does not have."),
        "key_taken": _("This survey already has a question with the key “%(key)s”."),
        "key_not_valid": _("A key consists of lower-case letters, digits, hyphens and underscores."),
        "text_required": _("Write the question."),
        "scale_not_valid": _("A scale needs a lowest and a highest value, the highest above the lowest."),
        "choices_required": _("A choice question needs at least two options, one per line as “key: label”."),
        "choice_not_valid": _("Write each option on its own line as “key: label” (line %(line)s)."),
        "choice_key_twice": _("The option key “%(key)s” appears twice."),
        "has_answers": _(
            "This question has already been answered: its kind and its options' keys cannot change. "
            "You can change the texts, or add a new question."
        ),
        "title_required": _("Give the survey a title."),
    }
