"""Obstacles added up across editions from their evidence documents alone."""

from __future__ import annotations

from typing import Any

from evaluation.obstacles.across import obstacles_across


def _document(
    step: str, blockers: list[tuple[str, int, int]], help_: tuple[int, int], survey: list[Any]
) -> dict[str, Any]:
    return {
        "edition": {"step": step},
        "obstacles": {
            "blockers": [
                {
                    "category": c,
                    "count": n,
                    "solved": n - open_,
                    "unsolved": open_,
                    "median_days_to_solve": None,
                }
                for c, n, open_ in blockers
            ],
            "by_neighbourhood": [],
            "help_requests": {"count": help_[0], "answered": help_[1], "median_days_to_answer": None},
            "survey_categories": [{"survey_kind": "voter", "category": "a", "count": n} for n in survey],
        },
    }


def test_counts_add_up_by_category_and_by_decision_model() -> None:
    documents = [
        _document("online_vote", [("permit", 3, 1), ("money", 1, 1)], (3, 2), [12]),
        _document("online_vote", [("permit", 2, 0), ("money", 0, 0)], (1, 1), [None]),
        _document("panel", [("permit", 1, 1), ("money", 4, 0)], (2, 0), [10]),
    ]
    across = obstacles_across(documents)
    assert across["editions"] == 3
    assert across["blockers"] == [
        {"category": "permit", "count": 6, "solved": 4, "unsolved": 2},
        {"category": "money", "count": 5, "solved": 4, "unsolved": 1},
    ]
    assert across["help_requests"] == {"count": 6, "answered": 3}
    assert across["by_model"] == [
        {
            "step": "online_vote",
            "editions": 2,
            "blockers": 6,
            "unsolved": 2,
            "help_requests": 4,
            "answered": 3,
        },
        {"step": "panel", "editions": 1, "blockers": 5, "unsolved": 1, "help_requests": 2, "answered": 0},
    ]
    # One edition's group was too small to show: the sum of the others is a lower bound, and says so.
    assert across["survey_categories"] == [
        {"survey_kind": "voter", "category": "a", "count": 22, "suppressed": 1}
    ]


def test_the_model_comes_from_the_decision_model_and_order_when_no_step_is_stored() -> None:
    document = _document("", [], (0, 0), [])
    document["edition"] = {"decision_model": "hybrid", "hybrid_order": "vote_then_panel"}
    assert obstacles_across([document])["by_model"][0]["step"] == "vote_then_panel"
    assert obstacles_across([])["by_model"] == []
