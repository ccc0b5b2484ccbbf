"""The report's figures of the way from plan to project: the funnel, why plans dropped out, how long
each step took and on whose side, and where carrying out got stuck (blockers, help requests)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from execution.models import BlockerCategory
from review.models import DEFAULT_CRITERIA
from ui.charts import BarChart, Series
from ui.charts.model import format_value

from ..models import SurveyKind
from .blocks import Block, Fact, Table
from .figures import anchor_title, place_name

IDEA_STAGES = {
    "ideas": gettext_lazy("Ideas posted"),
    "ideas_to_plans": gettext_lazy("Ideas that became a plan"),
    "ideas_submitted": gettext_lazy("Ideas submitted as a plan"),
}
TRACKS = {
    "coached": gettext_lazy("Coached plans"),
    "prechecked": gettext_lazy("Plans with a pre-check"),
    "others": gettext_lazy("Other plans"),
}
STAGES = {
    "started": gettext_lazy("Plans started"),
    "submitted": gettext_lazy("Submitted"),
    "supported": gettext_lazy("With enough support"),
    "feasible": gettext_lazy("Feasible"),
    "on_ballot": gettext_lazy("On the ballot or shortlist"),
    "chosen": gettext_lazy("Chosen"),
    "completed": gettext_lazy("Completed"),
}
REASONS = {
    "not_submitted": gettext_lazy("Never submitted"),
    "withdrawn": gettext_lazy("Withdrawn by the initiators"),
    "too_few_likes": gettext_lazy("Too little support"),
    "not_feasible": gettext_lazy("Not feasible"),
    "not_shortlisted": gettext_lazy("Not on the shortlist"),
    "not_chosen": gettext_lazy("Not chosen"),
    "cancelled": gettext_lazy("Stopped while being carried out"),
}
DURATIONS = {
    "submit": gettext_lazy("Writing the plan (residents)"),
    "review": gettext_lazy("Feasibility review (district)"),
    "changes": gettext_lazy("Answering requested changes (residents)"),
    "agreement": gettext_lazy("Making the agreement (both)"),
    "help": gettext_lazy("Answering help requests (district)"),
    "completion": gettext_lazy("Carrying out (both)"),
}


def label(table: Mapping[str, Any], key: str) -> str:
    return str(table.get(key, key))


def reason_label(row: Mapping[str, Any]) -> str:
    """A dropout reason in words; per review criterion its name (a default name translated), else
    (evidence of an older version) the default criterion of that key, else the key."""
    base, _sep, key = str(row["reason"]).partition(":")
    if not key:
        return label(REASONS, base)
    name = row.get("criterion")
    criterion = gettext(name) if name else str(dict(DEFAULT_CRITERIA).get(key, key))
    return _("Not feasible: %(criterion)s") % {"criterion": criterion}


def _stage_table(caption: str, first: str, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> Table:
    headers = [first, *(label(STAGES, key) for key in keys)]
    body = [
        [place_name(row), *(format_value((row.get("stages") or {}).get(k), "count") for k in keys)]
        for row in rows
    ]
    return Table(caption, headers, body)


def _idea_tables(ideas: Mapping[str, Any]) -> tuple[list[Table], list[Fact], list[str]]:
    """Ideas per neighbourhood, the review of coached and pre-checked plans against the others, and the
    median days from idea to submitted plan (``ideas``: the funnel's ``ideas`` section)."""
    places = [row for row in ideas.get("by_neighbourhood") or [] if row.get("ideas")]
    tables = []
    if places:
        tables.append(
            Table(
                _("Ideas per neighbourhood"),
                [_("Neighbourhood"), _("Ideas"), _("Became a plan"), _("Share")],
                [
                    [
                        place_name(r),
                        format_value(r["ideas"], "count"),
                        format_value(r["became_plans"], "count"),
                        format_value(r.get("share"), "percent"),
                    ]
                    for r in places
                ],
            )
        )
    tracks = ideas.get("review_by_track") or []
    notes = []
    if any(row.get("reviewed") for row in tracks):
        tables.append(_track_table(tracks))
        if any(row.get("too_few") for row in tracks):
            notes.append(
                _("Groups of fewer than 10 reviewed plans are too few to compare: only their size is shown.")
            )
    timing = ideas.get("idea_to_submission") or {}
    facts = []
    if timing.get("n"):
        facts.append(
            Fact(
                _("Median days from idea to submitted plan"),
                format_value(timing.get("median_days"), "days"),
                _("Of %(count)s ideas that became a submitted plan.") % {"count": timing["n"]},
            )
        )
    return tables, facts, notes


def _track_table(tracks: Sequence[Mapping[str, Any]]) -> Table:
    def cell(row: Mapping[str, Any], key: str) -> str:
        if row.get("too_few"):
            return _("too few to compare")
        share = format_value(row.get(f"{key}_share"), "percent")
        return f"{format_value(row.get(key), 'count')} ({share})"

    return Table(
        _("How coached and pre-checked plans fared in the review"),
        [_("Plans"), _("Reviewed"), _("Feasible"), _("Not feasible"), _("Changes requested")],
        [
            [
                label(TRACKS, row["group"]),
                format_value(row.get("reviewed"), "count"),
                *(cell(row, key) for key in ("feasible", "not_feasible", "changes_requested")),
            ]
            for row in tracks
        ],
    )


def funnel_block(funnel: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    ideas = funnel.get("ideas") or {}
    idea_stages = [stage for stage in ideas.get("stages") or [] if stage["key"] != "ideas_submitted"]
    if not any(stage["count"] for stage in idea_stages):
        idea_stages = []  # an edition without ideas: the funnel starts at the plans, as it always did
    stages = funnel.get("stages") or []
    keys = [stage["key"] for stage in stages]
    charts = []
    if stages or idea_stages:
        charts.append(
            BarChart(
                key="funnel-chart",
                title=_("Plans at each step"),
                categories=[
                    *(label(IDEA_STAGES, stage["key"]) for stage in idea_stages),
                    *(label(STAGES, key) for key in keys),
                ],
                series=[Series(_("Plans"), [stage["count"] for stage in [*idea_stages, *stages]])],
                description=_("How many plans reached each step, from started to completed.")
                if not idea_stages
                else _("How many ideas became plans, and how many plans reached each step after that."),
            )
        )
    tables = []
    if funnel.get("by_neighbourhood"):
        tables.append(
            _stage_table(_("Per neighbourhood"), _("Neighbourhood"), funnel["by_neighbourhood"], keys)
        )
    if funnel.get("by_theme"):
        tables.append(_stage_table(_("Per theme"), _("Theme"), funnel["by_theme"], keys))
    idea_tables, facts, idea_notes = _idea_tables(ideas)
    notes = [] if stages else [_("No plans yet.")]
    return Block(
        anchor="funnel",
        title=anchor_title("funnel"),
        charts=charts,
        tables=[*tables, *idea_tables],
        facts=facts,
        notes=[*notes, *idea_notes],
    )


def dropouts_block(funnel: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    dropouts = [row for row in funnel.get("dropouts") or [] if row.get("count")]
    if not dropouts:
        return Block(anchor="dropouts", title=anchor_title("dropouts"), notes=[_("No plan dropped out.")])
    chart = BarChart(
        key="dropouts-chart",
        title=_("Plans that dropped out, by reason"),
        categories=[reason_label(row) for row in dropouts],
        series=[Series(_("Plans"), [row["count"] for row in dropouts])],
        description=_("Review verdicts, withdrawals and too little support, and the later steps."),
    )
    return Block(anchor="dropouts", title=anchor_title("dropouts"), charts=[chart])


def durations_block(funnel: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    rows = funnel.get("durations") or []
    if not rows:
        return Block(
            anchor="durations", title=anchor_title("durations"), notes=[_("No steps have been taken yet.")]
        )
    chart = BarChart(
        key="durations-chart",
        title=_("Median days per step"),
        categories=[label(DURATIONS, row["key"]) for row in rows],
        series=[Series(_("Median days"), [row.get("median_days") for row in rows])],
        unit="days",
        description=_("Half of the cases took less time than this, half took more."),
    )
    table = Table(
        _("How long each step took"),
        [_("Step"), _("Median days"), _("Number of cases")],
        [
            [
                label(DURATIONS, r["key"]),
                format_value(r.get("median_days"), "days"),
                format_value(r.get("n"), "count"),
            ]
            for r in rows
        ],
    )
    return Block(anchor="durations", title=anchor_title("durations"), charts=[chart], tables=[table])


def _category(key: str) -> str:
    return label(dict(BlockerCategory.choices), key)


def _survey_categories(rows: Sequence[Mapping[str, Any]]) -> tuple[list[Table], list[str]]:
    """The categories survey respondents chose, by their label; those under 10 answers in one note."""
    kinds = dict(SurveyKind.choices)
    shown = [row for row in rows if row.get("count") is not None]
    body = [
        [
            label(kinds, row["survey_kind"]),
            str(row.get("label") or row["category"]),
            format_value(row["count"], "count"),
        ]
        for row in shown
    ]
    table = Table(
        _("Where survey respondents got stuck, by the category they chose"),
        [_("Survey"), _("Category"), _("Answers")],
        body,
    )
    notes = []
    if len(shown) < len(rows):
        notes.append(_("Survey categories chosen fewer than 10 times are not shown."))
    return ([table] if body else []), notes


def blockers_block(obstacles: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    rows = [row for row in obstacles.get("blockers") or [] if row.get("count")]  # categories that occurred
    charts, tables = [], []
    if rows:
        charts.append(
            BarChart(
                key="blockers-chart",
                title=_("Blockers by category"),
                categories=[_category(row["category"]) for row in rows],
                series=[
                    Series(_("Solved"), [r["solved"] for r in rows]),
                    Series(_("Not solved"), [r["unsolved"] for r in rows]),
                ],
            )
        )
        tables.append(
            Table(
                _("Blockers by category"),
                [_("Category"), _("Blockers"), _("Solved"), _("Not solved"), _("Median days to solve")],
                [
                    [
                        _category(r["category"]),
                        *(format_value(r[k], "count") for k in ("count", "solved", "unsolved")),
                        format_value(r.get("median_days_to_solve"), "days"),
                    ]
                    for r in rows
                ],
            )
        )
    places = [row for row in obstacles.get("by_neighbourhood") or [] if row.get("count")]
    if places:
        tables.append(
            Table(
                _("Blockers per neighbourhood"),
                [_("Neighbourhood"), _("Blockers"), _("Not solved")],
                [
                    [place_name(r), format_value(r["count"], "count"), format_value(r["unsolved"], "count")]
                    for r in places
                ],
            )
        )
    notes = [] if rows else [_("No blockers were recorded.")]
    if obstacles.get("survey_categories"):
        category_tables, category_notes = _survey_categories(obstacles["survey_categories"])
        tables += category_tables
        notes += category_notes
    return Block(anchor="blockers", title=anchor_title("blockers"), charts=charts, tables=tables, notes=notes)


def help_block(obstacles: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    help_requests = obstacles.get("help_requests") or {}
    count = int(help_requests.get("count") or 0)
    if not count:
        return Block(
            anchor="help-requests", title=anchor_title("help-requests"), notes=[_("Nobody asked for help.")]
        )
    facts = [
        Fact(_("Help requests"), format_value(count, "count")),
        Fact(_("Answered"), format_value(help_requests.get("answered"), "count")),
        Fact(_("Median days to an answer"), format_value(help_requests.get("median_days_to_answer"), "days")),
    ]
    return Block(anchor="help-requests", title=anchor_title("help-requests"), facts=facts)
