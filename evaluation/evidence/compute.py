"""``compute_evidence``: every section of an edition's evidence, each from its part's function."""

from __future__ import annotations

from typing import Any

from editions.models import Edition

from .sections import SECTIONS


def compute_evidence(edition: Edition) -> dict[str, Any]:
    """The edition's figures, one JSON-ready section per entry of ``SECTIONS``."""
    return {name: function(edition) for name, function in SECTIONS.items()}
