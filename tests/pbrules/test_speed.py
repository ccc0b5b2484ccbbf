"""Speed guard: every rule, parsing included, on every shared file (target 1 s; CI gets slack)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from pbrules.pabulib import read_instance
from pbrules.rules import run_rule

CASES: list[tuple[str, dict[str, Any]]] = [
    ("greedy", {}),
    ("phragmen", {}),
    ("maxwelfare", {}),
    ("mes", {"satisfaction": "cost", "completion": "exhaustion"}),
    ("mes", {"satisfaction": "cardinality", "completion": "exhaustion"}),
]


@pytest.mark.parametrize(
    ("rule", "options"), CASES, ids=["greedy", "phragmen", "maxwelfare", "mes", "mes-card"]
)
def test_every_rule_runs_fast_on_every_file(pabulib_file: Path, rule: str, options: dict[str, Any]) -> None:
    start = time.process_time()  # CPU time: less disturbed than wall time by other jobs on the machine
    inst = read_instance(pabulib_file)
    out = run_rule(inst, rule, **options)
    elapsed = time.process_time() - start
    assert out.total_cost <= out.budget
    assert elapsed < 3.0, f"{rule} took {elapsed:.2f}s CPU including parsing"  # target 1 s; slack for CI
