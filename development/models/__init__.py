"""The development track's models, one module per sub-domain."""

from .coaching import Coaching, CoachingNote, CoachingStep, CoachStep, Partner, PartnerCoach, PermitNeed
from .ideas import Idea, IdeaComment, IdeaMember, IdeaMemberRole, IdeaMemberStatus, IdeaNeed, IdeaSupport
from .workshops import Workshop, WorkshopSignUp

__all__ = [
    "CoachStep",
    "Coaching",
    "CoachingNote",
    "CoachingStep",
    "Idea",
    "IdeaComment",
    "IdeaMember",
    "IdeaMemberRole",
    "IdeaMemberStatus",
    "IdeaNeed",
    "IdeaSupport",
    "Partner",
    "PartnerCoach",
    "PermitNeed",
    "Workshop",
    "WorkshopSignUp",
]
