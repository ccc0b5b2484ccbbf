"""Evaluation's models: the reference population, surveys, lessons, the cost of running an edition and
the precomputed evidence of each edition. One module per sub-domain; the subpackages of the same name
hold the rest."""

from .costs import ProcessCost
from .evidence import EditionEvidence
from .lessons import AdoptableSetting, Lesson
from .population import PopulationFigure, PopulationImport
from .survey_invitations import SurveyInvitation
from .surveys import Question, QuestionKind, QuestionRole, Response, Survey, SurveyKind, SurveyTicket

__all__ = [
    "AdoptableSetting",
    "EditionEvidence",
    "Lesson",
    "PopulationFigure",
    "PopulationImport",
    "ProcessCost",
    "Question",
    "QuestionKind",
    "QuestionRole",
    "Response",
    "Survey",
    "SurveyInvitation",
    "SurveyKind",
    "SurveyTicket",
]
