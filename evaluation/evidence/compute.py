"""``compute_evidence``: every section of an edition's evidence, each from its part's function."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string

from editions.models import Edition

from .sections import SECTIONS

logger = logging.getLogger(__name__)


def section_function(name: str) -> Callable[[Edition], Any] | None:
    """The function that computes section ``name``; None when its part is not installed."""
    try:
        function: Callable[[Edition], Any] = import_string(SECTIONS[name])
    except ImportError:
        logger.warning("evidence section %s: %s cannot be imported", name, SECTIONS[name])
        return None
    return function


def compute_evidence(edition: Edition) -> dict[str, Any]:
    """The edition's figures, one JSON-ready section per entry of ``SECTIONS`` (None: not available).

    ``missing`` names the sections whose part could not be imported, so the report can say so.
    """
    data: dict[str, Any] = {"missing": []}
    for name in SECTIONS:
        function = section_function(name)
        if function is None:
            data[name] = None
            data["missing"].append(name)
        else:
            data[name] = function(edition)
    return data
