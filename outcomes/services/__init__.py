"""Writes of the outcomes app, by topic: ``counting`` (a count of the public vote, from its sealed
ballots to the stored result), ``publication`` (the result takes effect) and ``panel`` (the citizens'
panel's round counted, its decision recorded).

The names other apps, commands and tasks use are importable from here.
"""

from .counting import (
    STALE_AFTER,
    compute_outcome,
    count_sections_of,
    start_count,
    store_result,
)
from .panel import count_panel_vote, record_panel_decision
from .publication import FUNDED, NOT_FUNDED, publish_result

__all__ = [
    "FUNDED",
    "NOT_FUNDED",
    "STALE_AFTER",
    "compute_outcome",
    "count_panel_vote",
    "count_sections_of",
    "publish_result",
    "record_panel_decision",
    "start_count",
    "store_result",
]
