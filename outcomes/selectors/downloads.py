"""The result's downloads: the open-data JSON and its CSV rows, the spreadsheet for residents (in the
page's language) and a published section's .pb file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import Count, CountSection
from .counts import advice_count, count_sections
from .result import panel_facts, recount_command, result_of


def result_data(count: Count) -> dict[str, Any]:
    """The result as open data (JSON): how it was counted, and per section the file hash and outcome."""
    edition = count.edition
    return {
        "edition": {"slug": edition.slug, "name": edition.name, "year": edition.year},
        "count": {
            "id": count.pk,
            "finished_at": count.finished_at.isoformat() if count.finished_at else None,
            "rule": count.rule,
            "satisfaction": count.satisfaction,
            "completion": count.completion,
            "pbrules_version": count.pbrules_version,
            "tie_breaking": count.tie_breaking,
        },
        "amounts": "euro cents",
        "sections": [
            {
                "key": s.key,
                "label": s.label,
                "budget_cents": s.budget_cents,
                "voters": s.voters,
                "file": s.file_name if s.pb_file else None,
                "sha256": s.sha256 or None,
                "tie_order": s.tie_order,
                "selected": s.selected,
                "plans": s.plans,
                "outcome": s.outcome,
                "comparison": s.comparison,
                "command": recount_command(count, s) if s.pb_file else None,
            }
            for s in count_sections(count)
        ],
        **_panel_data(count),
    }


def _panel_data(count: Count) -> dict[str, Any]:
    """Who decided; for the panel how (method, round, participation, reasons) and the vote's advice."""
    panel = panel_facts(count)
    if panel is None:
        return {"decided_by": count.source}
    decision = panel.decision
    advice = advice_count(count.edition)
    return {
        "decided_by": count.source,
        "panel": {
            "method": panel.method,
            "summary": panel.summary,
            "session": None
            if panel.session is None
            else {"number": panel.session.number, "title": panel.session.title},
            "members": panel.members,
            "ballots": panel.ballots,
            "reasons": [
                {"plan_id": r.plan_id, "reason": r.reason, "funded": r.funded}
                for r in (decision.reasons.order_by("plan_id") if decision is not None else [])
            ],
        },
        "advice": None
        if advice is None
        else {
            "count": advice.pk,
            "rule": advice.rule,
            "sections": [
                {
                    "key": s.key,
                    "file": s.file_name,
                    "sha256": s.sha256,
                    "selected": s.selected,
                    "plans": s.plans,
                }
                for s in count_sections(advice)
            ],
        },
    }


CSV_COLUMNS = (
    "section",
    "plan_id",
    "title",
    "neighbourhood",
    "theme",
    "cost_cents",
    "supporters",
    "points",
    "funded",
    "round",
    "greedy",
    "equal_shares",
    "decided_by",
    "method",
    "panel_reason",
    "advice_support",
    "advice_funded",
)


def result_rows(count: Count) -> list[list[object]]:
    """The result as CSV rows (``CSV_COLUMNS``): one per plan, in the order of the results page."""
    result = result_of(count)
    method = result.panel.method if result.panel is not None else ""
    return [
        [
            section.section.key,
            p.id,
            p.title,
            p.neighbourhood,
            p.theme,
            p.cost_cents,
            p.supporters,
            "" if p.points is None else p.points,
            int(p.funded),
            p.round or "",
            int(p.chosen_by_greedy),
            int(p.chosen_by_mes),
            count.source,
            method,
            p.reason,
            p.advice_support,
            "" if p.advice_funded is None else int(p.advice_funded),
        ]
        for section in result.sections
        for p in section.plans
    ]


@dataclass(frozen=True)
class Spreadsheet:
    """The result as a table a spreadsheet opens in the reader's language: headers in that language,
    amounts in euros with its decimal sign, and the separator its spreadsheets expect."""

    headers: list[str]
    rows: list[list[object]]
    delimiter: str
    file_name: str


def result_spreadsheet(count: Count) -> Spreadsheet:
    """The result per plan in the active language: Dutch with ``;`` and a decimal comma (as Dutch Excel
    and LibreOffice read a CSV), English with ``,`` and a decimal point; amounts in euros."""
    dutch = not (get_language() or "nl").startswith("en")
    decimal = "," if dutch else "."
    result = result_of(count)
    plans = [(s, p) for s in result.sections for p in s.plans]
    columns: list[tuple[str, Any]] = [
        (_("Part of the budget"), lambda s, p: s.section.label),
        (_("Plan number"), lambda s, p: p.id),
        (_("Plan"), lambda s, p: p.title),
        (_("Neighbourhood"), lambda s, p: p.neighbourhood or _("Whole district")),
        (_("Theme"), lambda s, p: p.theme),
        (_("Cost in euros"), lambda s, p: euros(p.cost_cents, decimal)),
    ]
    if not result.is_consensus:
        people = _("Panel members who chose it") if result.panel is not None else _("Voters who chose it")
        columns.append((people, lambda s, p: p.supporters))
    if any(p.points is not None for _s, p in plans):
        columns.append((_("Points"), lambda s, p: "" if p.points is None else p.points))
    columns.append((_("Funded"), lambda s, p: yes_no(p.funded)))
    if not result.is_consensus:
        columns += [
            (_("Round"), lambda s, p: p.round or ""),
            (_("Why"), lambda s, p: p.explanation),
            (_("Chosen with most votes first"), lambda s, p: yes_no(p.chosen_by_greedy)),
            (_("Chosen with Equal Shares"), lambda s, p: yes_no(p.chosen_by_mes)),
        ]
    if result.panel is not None:
        columns.append((_("The panel's reason"), lambda s, p: p.reason))
    if result.advice is not None:
        columns += [
            (_("Advice: support in the public vote"), lambda s, p: p.advice_support),
            (
                _("Advice: chosen in the vote"),
                lambda s, p: "" if p.advice_funded is None else yes_no(p.advice_funded),
            ),
        ]
    name = _("result")
    return Spreadsheet(
        headers=[header for header, _cell in columns],
        rows=[[cell(s, p) for _header, cell in columns] for s, p in plans],
        delimiter=";" if dutch else ",",
        file_name=f"{count.edition.slug}-{name}.csv",
    )


def euros(cents: int, decimal: str) -> str:
    """Cents as euros with two decimals and no thousands separator (a spreadsheet reads it as a number)."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole}{decimal}{rest:02d}"


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def ballot_file(count: Count, key: str) -> CountSection | None:
    """The section ``key`` of ``count`` when it has a .pb file (a consensus of the panel has none)."""
    section = CountSection.objects.select_related("count__edition").filter(count=count, key=key).first()
    return section if section is not None and section.pb_file else None
