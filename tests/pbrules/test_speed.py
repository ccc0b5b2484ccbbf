"""Speed guard: every rule, parsing included, on every shared file (target 1 s; CI gets slack)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pbrules.pabulib import read_instance
from pbrules.rules import run_rule


@pytest.mark.parametrize("rule", ["greedy", "phragmen", "maxwelfare"])
def test_every_rule_runs_fast_on_every_file(pabulib_file: Path, rule: str) -> None:
    start = time.process_time()  # CPU time: less disturbed than wall time by other jobs on the machine
    inst = read_instance(pabulib_file)
    out = run_rule(inst, rule)
    elapsed = time.process_time() - start
    assert out.total_cost <= out.budget
    assert elapsed < 3.0, f"{rule} took {elapsed:.2f}s CPU including parsing"  # target 1 s; slack for CI
