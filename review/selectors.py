"""Reads of reviews: the published verdict on a plan's page, the reviewers' queue."""

from __future__ import annotations

from typing import Any

from proposals.models import Plan


def public_review(*, plan: Plan) -> Any:
    """The plan's published review, or None before the verdicts are published."""
    return None
