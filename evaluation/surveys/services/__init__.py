"""Writes of the surveys: setting up and editing questionnaires, answering them (anyone eligible)."""

from .answering import answer_as_panel_member, answer_as_user, answer_as_voter, answer_survey, clean_answers
from .editing import (
    QuestionData,
    move_question,
    remove_question,
    save_question,
    set_survey_open,
    set_up_surveys,
    update_survey,
)
from .invitations import invite_surveys

__all__ = [
    "QuestionData",
    "answer_as_panel_member",
    "answer_as_user",
    "answer_as_voter",
    "answer_survey",
    "clean_answers",
    "invite_surveys",
    "move_question",
    "remove_question",
    "save_question",
    "set_survey_open",
    "set_up_surveys",
    "update_survey",
]
