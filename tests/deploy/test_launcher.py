"""The launchers' defaults name accounts that the demo really has."""

from __future__ import annotations

from pathlib import Path

from demo.content.accounts import SUPERUSER
from deploy.local.__main__ import DEMO_SCHEDULER_ACCOUNT

ROOT = Path(__file__).resolve().parents[2]


def test_the_scheduler_publishes_as_the_demo_s_administrator_in_both_launchers() -> None:
    assert SUPERUSER.is_superuser and SUPERUSER.email == DEMO_SCHEDULER_ACCOUNT
    serve_demo = (ROOT / "scripts" / "serve_demo.sh").read_text()
    assert f"BUURTBUDGET_SCHEDULER_ACCOUNT:-{DEMO_SCHEDULER_ACCOUNT}" in serve_demo
    assert "manage.py run_worker" in serve_demo and "manage.py run_scheduler" in serve_demo
