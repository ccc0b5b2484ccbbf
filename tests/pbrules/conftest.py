"""Shared fixtures for pbrules tests: where the real pabulib files are, skipping when they are absent.

The folder is ``PABULIB_DIR`` from the environment if set (e.g. for a git worktree elsewhere), else
``shared/data/pabulib`` next to the repo root. Use the ``pabulib_dir`` fixture (a Path), the
``pabulib_files`` fixture (a list of Paths), or take a ``pabulib_file`` argument: every such test is
parametrised over the shared files (ids = file stems) and skipped with a clear reason when the folder
is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PABULIB_DIR = Path(os.environ.get("PABULIB_DIR") or REPO_ROOT / ".." / "shared" / "data" / "pabulib")
SKIP_REASON = f"shared pabulib files not found at {PABULIB_DIR} (sibling 'shared/' of the repo root)"
PABULIB_FILES: list[Path] = sorted(PABULIB_DIR.glob("*.pb")) if PABULIB_DIR.is_dir() else []


@pytest.fixture(scope="session")
def pabulib_dir() -> Path:
    if not PABULIB_FILES:
        pytest.skip(SKIP_REASON)
    return PABULIB_DIR


@pytest.fixture(scope="session")
def pabulib_files() -> list[Path]:
    if not PABULIB_FILES:
        pytest.skip(SKIP_REASON)
    return PABULIB_FILES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "pabulib_file" in metafunc.fixturenames:
        if PABULIB_FILES:
            # module scope groups a module's tests by file, so per-file caches (e.g. a parsed reference) hit
            ids = [p.stem for p in PABULIB_FILES]
            metafunc.parametrize("pabulib_file", PABULIB_FILES, ids=ids, scope="module")
        else:
            metafunc.parametrize(
                "pabulib_file", [pytest.param(None, marks=pytest.mark.skip(reason=SKIP_REASON))]
            )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "oracle: slow whole-file comparisons with pabutools (run by default)")
