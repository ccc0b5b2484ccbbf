"""The citizens' panel's models: recruitment and draw (``panel``), work sessions, and its decision."""

from .decision import (
    BallotCard,
    DecisionMethod,
    PanelBallot,
    PanelDecision,
    PanelReason,
    PanelStep,
    PanelVote,
)
from .panel import (
    ACTIVE_DRAW_STATUSES,
    Draw,
    DrawStatus,
    Feature,
    FeatureValue,
    Invitation,
    MemberStatus,
    PanelMember,
    PanelSetup,
    Respondent,
    SelectionAlgorithm,
)
from .sessions import Attendance, PanelQuestion, Presentation, WorkSession

__all__ = [
    "ACTIVE_DRAW_STATUSES",
    "Attendance",
    "BallotCard",
    "DecisionMethod",
    "Draw",
    "DrawStatus",
    "Feature",
    "FeatureValue",
    "Invitation",
    "MemberStatus",
    "PanelBallot",
    "PanelDecision",
    "PanelMember",
    "PanelQuestion",
    "PanelReason",
    "PanelSetup",
    "PanelStep",
    "PanelVote",
    "Presentation",
    "Respondent",
    "SelectionAlgorithm",
    "WorkSession",
]
