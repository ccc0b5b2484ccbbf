"""State changes of the review context, by topic: reviewing plans, publishing verdicts, the shortlist."""

from .publication import PublishedVerdicts, publication_date, publish_due_verdicts, publish_verdicts
from .reviewing import (
    CheckAnswer,
    ensure_criteria,
    record_checks,
    record_verdict,
    request_changes,
    start_review,
    start_reviews_for_edition,
)
from .shortlist import publish_shortlist, shortlist_plan, unshortlist_plan

__all__ = [
    "CheckAnswer",
    "PublishedVerdicts",
    "ensure_criteria",
    "publication_date",
    "publish_due_verdicts",
    "publish_shortlist",
    "publish_verdicts",
    "record_checks",
    "record_verdict",
    "request_changes",
    "shortlist_plan",
    "start_review",
    "start_reviews_for_edition",
    "unshortlist_plan",
]
