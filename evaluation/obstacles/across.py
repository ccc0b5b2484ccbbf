"""Obstacles added up across editions, from their stored evidence only (never the raw rows)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from editions.phases import step_key


def _step(document: Mapping[str, Any]) -> str:
    """The edition's decision model and order ("online_vote", "panel", "panel_then_vote", ...)."""
    edition = document.get("edition") or {}
    return str(
        edition.get("step")
        or step_key(str(edition.get("decision_model") or ""), str(edition.get("hybrid_order") or ""))
    )


def _add(total: dict[str, Any], row: Mapping[str, Any], keys: Sequence[str]) -> None:
    for key in keys:
        total[key] = total.get(key, 0) + int(row.get(key) or 0)


def _survey_totals(documents: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Per survey kind and category the sum of the shown counts; ``suppressed`` says in how many
    editions the group was too small to show (so the sum is a lower bound), count None if in all."""
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for document in documents:
        for row in document.get("obstacles", {}).get("survey_categories", []):
            slot = totals.setdefault(
                (row["survey_kind"], row["category"]),
                {
                    "survey_kind": row["survey_kind"],
                    "category": row["category"],
                    "count": None,
                    "suppressed": 0,
                },
            )
            if row["count"] is None:
                slot["suppressed"] += 1
            else:
                slot["count"] = (slot["count"] or 0) + int(row["count"])
    return list(totals.values())


def obstacles_across(evidence_sections: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Blockers and help requests of several editions added up: by category, and by decision model.

    Each item is an edition's evidence document (at least its "obstacles" section, and its "edition"
    section for the decision model). Medians do not add up, so only counts are summed here; each
    edition's own medians stay in its evidence.
    """
    categories: dict[str, dict[str, Any]] = {}
    models: dict[str, dict[str, Any]] = {}
    help_total: dict[str, Any] = {}
    for document in evidence_sections:
        section = document.get("obstacles") or {}
        model = models.setdefault(_step(document), {"step": _step(document), "editions": 0})
        model["editions"] += 1
        for row in section.get("blockers", []):
            _add(
                categories.setdefault(row["category"], {"category": row["category"]}),
                row,
                ("count", "solved", "unsolved"),
            )
            _add(model, {"blockers": row["count"], "unsolved": row["unsolved"]}, ("blockers", "unsolved"))
        requests = section.get("help_requests") or {}
        _add(help_total, requests, ("count", "answered"))
        _add(
            model,
            {"help_requests": requests.get("count"), "answered": requests.get("answered")},
            ("help_requests", "answered"),
        )
    for model in models.values():
        for key in ("blockers", "unsolved", "help_requests", "answered"):
            model.setdefault(key, 0)
    return {
        "editions": len(evidence_sections),
        "blockers": list(categories.values()),
        "help_requests": {"count": help_total.get("count", 0), "answered": help_total.get("answered", 0)},
        "by_model": sorted(models.values(), key=lambda m: m["step"]),
        "survey_categories": _survey_totals(evidence_sections),
    }
