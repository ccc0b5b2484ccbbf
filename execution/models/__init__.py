"""Execution's models: the project and its lines, the agreement, the money ledger, progress, blockers,
following and completion. One module per sub-domain; the subpackages of the same name hold the rest."""

from .agreements import Agreement, Milestone, PaymentKind, ScheduledPayment
from .completion import FinalReport, FinalReportPhoto, ReportDecision
from .following import Follow, Reminder, ReminderKind
from .ledger import Expense, LedgerDecision, LedgerDecisionKind, Payment, PaymentSource, ReceiptKind
from .obstacles import Blocker, BlockerCategory, HelpRequest
from .progress import AuthorSide, StatusChange, Update, UpdatePhoto
from .projects import ChosenBy, DeliveryMode, Project, ProjectLine, ProjectOwner, ProjectStatus

__all__ = [
    "Agreement",
    "AuthorSide",
    "Blocker",
    "BlockerCategory",
    "ChosenBy",
    "DeliveryMode",
    "Expense",
    "FinalReport",
    "FinalReportPhoto",
    "Follow",
    "HelpRequest",
    "LedgerDecision",
    "LedgerDecisionKind",
    "Milestone",
    "Payment",
    "PaymentKind",
    "PaymentSource",
    "Project",
    "ProjectLine",
    "ProjectOwner",
    "ProjectStatus",
    "ReceiptKind",
    "Reminder",
    "ReminderKind",
    "ReportDecision",
    "ScheduledPayment",
    "StatusChange",
    "Update",
    "UpdatePhoto",
]
