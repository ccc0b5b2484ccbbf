"""``python -m pbrules --budget``: count a file with another budget than its META budget."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from pbrules import parse_instance
from pbrules.cli import main, with_budget
from tests.pbrules.test_explain import CASE  # a small approval election with known outcomes


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.pb"
    path.write_text(CASE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("budget", "expected"), [("10", ["A", "C"]), ("6", ["A"]), ("5", ["B"]), ("11", ["A", "B"])]
)
def test_budget_replaces_the_files_budget(
    case_file: Path, capsys: pytest.CaptureFixture[str], budget: str, expected: list[str]
) -> None:
    assert main([str(case_file), "--rule", "greedy", "--budget", budget, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["selected"] == expected
    assert data["budget"] == int(budget)


def test_a_budget_that_is_not_whole_in_the_files_units_is_refused(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(case_file), "--budget", "7/2"]) == 2
    assert "--budget" in capsys.readouterr().err


def test_with_budget_keeps_everything_else() -> None:
    instance = parse_instance(CASE)
    changed = with_budget(instance, Fraction(6))
    assert changed.budget == 6 and instance.budget == 10
    assert changed.project_ids == instance.project_ids
    assert (changed.weights == instance.weights).all()
