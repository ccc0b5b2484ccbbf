"""Carrying out as tables: the projects, their milestones, their money per cost line and the ledger.

The rows are execution's own open data (``execution.projects.exports``), which already leaves out names,
e-mail addresses, receipts and payment references; here each column gets its type and description.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from execution.models import LedgerDecisionKind, ProjectStatus
from execution.projects.exports import TABLES

from .schema import DATE, INTEGER, STRING, Column, ForeignKey, Table

ENTRY_KINDS = ("payment", "expense", *LedgerDecisionKind.values)

# The columns of every exported table, by name: one meaning per name across the tables.
COLUMNS: dict[str, Column] = {
    c.name: c
    for c in (
        Column("project_id", INTEGER, _("The project (project_id in projects)."), required=True),
        Column("plan_id", INTEGER, _("The chosen plan (id in plans)."), required=True),
        Column("title", STRING, _("Title.")),
        Column("neighbourhood", STRING, _("Neighbourhood; empty: the whole district.")),
        Column("theme", STRING, _("Theme.")),
        Column("status", STRING, _("Where the project stands."), enum=tuple(ProjectStatus.values)),
        Column("progress_percent", INTEGER, _("Progress the initiators reported, 0–100."), minimum=0),
        Column("awarded_cents", INTEGER, _("Money awarded, in euro cents.")),
        Column("paid_cents", INTEGER, _("Money paid out by the district, in euro cents.")),
        Column("spent_cents", INTEGER, _("Money the initiators reported spent, in euro cents.")),
        Column("returned_cents", INTEGER, _("Money returned to the edition, in euro cents.")),
        Column("remaining_cents", INTEGER, _("Money awarded and not yet paid, in euro cents.")),
        Column("opened_on", DATE, _("Day the project was opened.")),
        Column("started_on", DATE, _("Day the work started.")),
        Column("completed_on", DATE, _("Day the project was completed.")),
        Column("milestone", INTEGER, _("Number of the milestone within its project."), required=True),
        Column("planned_on", DATE, _("Day the milestone is planned.")),
        Column("reached_on", DATE, _("Day the milestone was reached.")),
        Column("amount_cents", INTEGER, _("Amount, in euro cents.")),
        Column("line_id", INTEGER, _("The project's cost line (line_id in project-lines)."), required=True),
        Column("description", STRING, _("What the line or expense is for.")),
        Column("delivery", STRING, _("How the line is delivered (a grant, or bought by the district).")),
        Column("entry", STRING, _("Kind of entry: a payment, an expense or a decision."), enum=ENTRY_KINDS),
        Column("date", DATE, _("Day of the entry.")),
        Column("from_line_id", INTEGER, _("For a decision that moves money: the line it came from.")),
        Column("reason", STRING, _("The district's public reason for a decision.")),
    )
}

PROJECTS = "projects"
LINES = "project-lines"
TO_PROJECT = ForeignKey(("project_id",), PROJECTS, ("project_id",))

# export table → (resource, title, description, primary key, foreign keys)
RESOURCES: dict[str, tuple[str, str, tuple[str, ...], tuple[ForeignKey, ...]]] = {
    "projecten": (PROJECTS, "projects", ("project_id",), (ForeignKey(("plan_id",), "plans", ("id",)),)),
    "mijlpalen": ("milestones", "milestones", ("project_id", "milestone"), (TO_PROJECT,)),
    "kostenposten": (LINES, "lines", ("line_id",), (TO_PROJECT,)),
    "boekingen": (
        "ledger-entries",
        "entries",
        (),
        (TO_PROJECT, ForeignKey(("line_id",), LINES, ("line_id",))),
    ),
}

DESCRIPTIONS = {
    "projects": _("Every chosen plan being carried out, with its money summed over its cost lines."),
    "milestones": _("The milestones of the projects' agreements (dropped ones left out)."),
    "lines": _("Per cost line of a project: awarded, paid, spent, returned and remaining."),
    "entries": _(
        "The ledger: payments (day and amount: the finance system's reference is left out, it may name a "
        "person), expenses (day, amount, what was bought: receipts are left out) and the district's "
        "decisions with their reason."
    ),
}


def carrying_out_tables(edition: Edition) -> list[Table]:
    """The four tables of carrying out, in the order projects, milestones, lines, ledger entries."""
    tables = []
    for export_name, (name, described, key, foreign) in RESOURCES.items():
        export = TABLES[export_name]
        tables.append(
            Table(
                name,
                export.label,
                DESCRIPTIONS[described],
                [COLUMNS[column] for column in export.columns],
                list(export.rows(edition)),
                primary_key=key,
                foreign_keys=foreign,
            )
        )
    return tables
