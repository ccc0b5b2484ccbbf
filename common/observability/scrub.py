"""Defence in depth: e-mail addresses, voting codes and signed tokens replaced in text that leaves the app.

The guarantee is that nothing logs them (no path, no form field, no address is ever put in a log
line or a metric label); this scrubber catches what slips through anyway: an exception message that
quotes a value (PostgreSQL's "Key (email)=(…) already exists"), a third-party library's warning.
It runs over every JSON log line and every error report. It imports nothing of Django, because
gunicorn's master process loads the log formatter before Django is set up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

EMAIL = "[email]"
CODE = "[code]"
TOKEN = "[token]"

# An address, also percent-encoded (a query string's "anna%40example.org").
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# A voting or panel code as printed (K7QM-3XRD-9TBW-HP2C-V) or typed: 16 symbols in groups of four
# and a check symbol, with or without dashes or spaces, any case (common/codes.py).
_CODE = re.compile(r"\b[0-9A-Za-z]{4}(?:[-\s]?[0-9A-Za-z]{4}){3}[-\s]?[0-9A-Za-z]\b")
# django.core.signing's value:timestamp:signature (login links, e-mail confirmation, ballot tokens),
# and the password-reset token (timestamp-hash).
_SIGNED = re.compile(r"\.?[A-Za-z0-9_-]+:[A-Za-z0-9_-]{4,}:[A-Za-z0-9_-]{20,}")
_RESET = re.compile(r"\b[0-9a-z]{1,13}-[0-9a-f]{20,}\b")


def scrub(text: str) -> str:
    """``text`` with every e-mail address, code and signed token replaced by a marker."""
    if "@" in text or "%40" in text:
        text = _EMAIL.sub(EMAIL, text)
    if ":" in text:
        text = _SIGNED.sub(TOKEN, text)
    text = _RESET.sub(TOKEN, text)
    return _CODE.sub(CODE, text)


def scrub_value(value: Any) -> Any:
    """``value`` with ``scrub`` applied to every string inside it (dicts, lists and tuples walked)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, Mapping):
        return {key: scrub_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_value(item) for item in value]
    return value
