"""Receipts go to a throw-away private folder in every ledger test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _private_files(settings: Any, tmp_path: Path) -> None:
    settings.PRIVATE_FILES_ROOT = tmp_path
