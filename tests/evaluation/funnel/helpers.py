"""Shared by the evaluation figure tests: a fixed moment, and the queries a figure function runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from editions.models import Edition

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2027, 9, 1, 12, 0, tzinfo=AMSTERDAM)


def query_count(figures: Callable[[Edition], Any], edition: Edition) -> int:
    """How many queries ``figures(edition)`` runs."""
    with CaptureQueriesContext(connection) as context:
        figures(edition)
    return len(context.captured_queries)
