"""A system check: METRICS_ALLOWED_ADDRESSES names networks (run by `manage.py check` and at start-up)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .access import parse_networks


@checks.register(checks.Tags.security)
def check_metrics_allowed_addresses(**kwargs: Any) -> list[checks.CheckMessage]:
    allowed = getattr(settings, "METRICS_ALLOWED_ADDRESSES", None)
    if allowed is None:
        return []
    try:
        parse_networks(allowed)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="operations.E001")]
    return []
