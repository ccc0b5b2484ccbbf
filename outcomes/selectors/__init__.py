"""Reads of the outcomes app, by topic: ``counts`` (which count is which), ``result`` (the results page),
``turnout``, ``downloads`` (open data) and ``panel`` (the facilitator's decision page).

The names other apps and the views use are importable from here.
"""

from .counts import (
    CONSENSUS,
    COUNTED_ROUND_ACTION,
    advice_count,
    closed_rounds,
    count_sections,
    counted_round,
    current_count,
    deciding_source,
    latest_count,
    panel_decision,
    panel_members,
    published_count,
    result_count,
)
from .downloads import CSV_COLUMNS, ballot_file, result_data, result_rows
from .panel import DecisionPage, decision_page
from .result import Result, panel_facts, recount_command, result_of, section_results
from .turnout import TurnoutRow, turnout

__all__ = [
    "CONSENSUS",
    "COUNTED_ROUND_ACTION",
    "CSV_COLUMNS",
    "DecisionPage",
    "Result",
    "TurnoutRow",
    "advice_count",
    "ballot_file",
    "closed_rounds",
    "count_sections",
    "counted_round",
    "current_count",
    "deciding_source",
    "decision_page",
    "latest_count",
    "panel_decision",
    "panel_facts",
    "panel_members",
    "published_count",
    "recount_command",
    "result_count",
    "result_data",
    "result_of",
    "result_rows",
    "section_results",
    "turnout",
]
