"""The result's downloads: the open-data JSON, the CSV rows and a published section's .pb file."""

from __future__ import annotations

from typing import Any

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


def ballot_file(count: Count, key: str) -> CountSection | None:
    """The section ``key`` of ``count`` when it has a .pb file (a consensus of the panel has none)."""
    section = CountSection.objects.select_related("count__edition").filter(count=count, key=key).first()
    return section if section is not None and section.pb_file else None
