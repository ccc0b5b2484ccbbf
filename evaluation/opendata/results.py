"""The published result as tables (per section, and per section and plan) and its pabulib ballot files.

The rows are the results page's own downloads (``outcomes.selectors.result_rows`` and ``result_data``);
nothing here exists before the result is public (``outcomes.selectors.published_count``).
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext_lazy as _

from outcomes import selectors as outcomes
from outcomes.models import Count, CountSection, CountSource

from .schema import BOOLEAN, DATE, INTEGER, STRING, Attachment, Column, ForeignKey, Table

SECTIONS = "result-sections"
SOURCES = tuple(CountSource.values)

RESULT_COLUMNS: dict[str, Column] = {
    c.name: c
    for c in (
        Column("section", STRING, _("The ballot section (key in result-sections)."), required=True),
        Column("plan_id", INTEGER, _("The plan (id in plans)."), required=True),
        Column("title", STRING, _("Title as it stood on the ballot.")),
        Column("neighbourhood", STRING, _("Neighbourhood; empty: the whole district.")),
        Column("theme", STRING, _("Theme.")),
        Column("cost_cents", INTEGER, _("Cost counted, in euro cents."), minimum=0),
        Column("supporters", INTEGER, _("Voters (or panel members) who chose the plan."), minimum=0),
        Column("points", INTEGER, _("Points given (cumulative ballots only)."), minimum=0),
        Column("funded", BOOLEAN, _("1 when the plan was chosen, else 0."), required=True),
        Column("round", INTEGER, _("Round of the counting rule in which it was chosen."), minimum=1),
        Column("greedy", BOOLEAN, _("1 when greedy counting would choose it.")),
        Column("equal_shares", BOOLEAN, _("1 when the Method of Equal Shares would choose it.")),
        Column("decided_by", STRING, _("Who decided: the public vote or the citizens' panel."), enum=SOURCES),
        Column("method", STRING, _("How the panel decided (vote or consensus); empty for a public vote.")),
        Column("panel_reason", STRING, _("The panel's public reason for the plan.")),
        Column("advice_support", STRING, _("The public vote's support, when it advised the panel.")),
        Column("advice_funded", BOOLEAN, _("1 when the advising public vote chose it.")),
    )
}

SECTION_COLUMNS = (
    Column("section", STRING, _("Key of the ballot section."), required=True),
    Column("label", STRING, _("Name of the section (a sub-budget, or the whole district).")),
    Column("budget_cents", INTEGER, _("Budget of the section, in euro cents."), minimum=0),
    Column("voters", INTEGER, _("Ballots counted in the section."), minimum=0),
    Column("selected_plans", INTEGER, _("Number of plans chosen."), minimum=0),
    Column("file", STRING, _("The section's pabulib file in this package; empty for a consensus.")),
    Column("sha256", STRING, _("SHA-256 of that file, as published with the result.")),
    Column("rule", STRING, _("The counting rule.")),
    Column("satisfaction", STRING, _("The satisfaction measure the rule used.")),
    Column("completion", STRING, _("How Equal Shares was completed, if it was.")),
    Column("pbrules_version", STRING, _("Version of the counting software (pbrules).")),
    Column("decided_by", STRING, _("Who decided: the public vote or the citizens' panel."), enum=SOURCES),
    Column("counted_on", DATE, _("Day of the count (Europe/Amsterdam).")),
    Column("recount_command", STRING, _("The command that counts the file again.")),
)


def resource_name(text: str) -> str:
    """``text`` as a Frictionless resource name: lower case letters, digits, '-', '_' and '.'."""
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-")


def ballot_path(section: CountSection) -> str:
    return f"ballots/{section.file_name}"


def result_tables(count: Count) -> list[Table]:
    """The published count's sections and its plans per section."""
    data = outcomes.result_data(count)
    counted_on = (data["count"]["finished_at"] or "")[:10]
    sections = [
        [
            s["key"],
            s["label"],
            s["budget_cents"],
            s["voters"],
            len(s["selected"]),
            f"ballots/{s['file']}" if s["file"] else "",
            s["sha256"] or "",
            data["count"]["rule"],
            data["count"]["satisfaction"],
            data["count"]["completion"],
            data["count"]["pbrules_version"],
            data["decided_by"],
            counted_on,
            s["command"] or "",
        ]
        for s in data["sections"]
    ]
    return [
        Table(
            SECTIONS,
            _("Result per ballot section"),
            _("How the result was counted in each section of the ballot, and the file that was counted."),
            SECTION_COLUMNS,
            sections,
            primary_key=("section",),
        ),
        Table(
            "results",
            _("Result per plan"),
            _("Every plan on the ballot with its support and whether it was chosen, per section."),
            [RESULT_COLUMNS[name] for name in outcomes.CSV_COLUMNS],
            outcomes.result_rows(count),
            primary_key=("section", "plan_id"),
            foreign_keys=(
                ForeignKey(("section",), SECTIONS, ("section",)),
                ForeignKey(("plan_id",), "plans", ("id",)),
            ),
        ),
    ]


def ballot_files(count: Count) -> list[Attachment]:
    """The pabulib files of the published count and, when the panel decided on the vote's advice, the
    advising vote's files: exactly the bytes the results page serves."""
    files = [_ballot_file(s, advice=False) for s in outcomes.count_sections(count) if s.pb_file]
    advice = outcomes.advice_count(count.edition)
    if count.source == CountSource.PANEL and advice is not None:
        files += [_ballot_file(s, advice=True) for s in outcomes.count_sections(advice) if s.pb_file]
    return files


def _ballot_file(section: CountSection, *, advice: bool) -> Attachment:
    described: dict[str, Any] = {"label": section.label, "sha256": section.sha256}
    if advice:
        title = _("Ballots of the public vote that advised the panel: %(label)s") % described
    else:
        title = _("Ballots of %(label)s") % described
    return Attachment(
        name=resource_name(("advice-" if advice else "ballots-") + section.key),
        path=ballot_path(section),
        title=title,
        description=_(
            "Pabulib file: one line per ballot, in a random order, with the plans chosen and nothing "
            "else (no neighbourhood, channel or time). Amounts in euro cents. SHA-256 %(sha256)s."
        )
        % described,
        content=section.pb_file.encode("utf-8"),
    )
