"""Debian's chromium, as Playwright drives it on these machines (it cannot download its own browsers).

Used by the page-weight benchmark and by the tests' session browser (tests/chromium.py).
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
