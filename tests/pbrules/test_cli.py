"""Tests for the command line: output formats, options, stdin/gzip input and error handling."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pbrules.cli import main

CASE = """META
key;value
budget;10
vote_type;approval
categories;green,culture
budget_per_category;6,4
PROJECTS
project_id;cost;category
A;6;green
B;5;green
C;4;culture
D;1;culture
VOTES
voter_id;vote
1;A,B
2;A,C
3;A,B,D
4;B,C
5;C
"""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.pb"
    path.write_text(CASE, encoding="utf-8")
    return path


def test_prints_one_winner_per_line(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(case_file), "--rule", "greedy"]) == 0
    assert capsys.readouterr().out.split() == ["A", "C"]


def test_json_has_numbers_trace_and_metrics(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(case_file), "--rule", "greedy", "--satisfaction", "cardinality", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["selected"] == ["D", "C", "B"]
    assert data["total_cost"] == 10 and isinstance(data["total_cost"], int)
    assert data["rule"] == "greedy"
    assert [s["project_id"] for s in data["trace"]] == ["D", "C", "B"]
    assert data["metrics"]["leftover_budget"] == 0
    assert data["metrics"]["ejr_method"] == "exact"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--rule", "phragmen"], ["D", "C", "B"]),
        (["--rule", "maxwelfare"], ["A", "C"]),
        (["--rule", "greedy", "--no-skip"], ["A"]),
        (["--rule", "greedy", "--max-winners", "1"], ["A"]),
        (["--rule", "greedy", "--tie-breaking", "C,B,A,D"], ["C", "B", "D"]),
        (["--rule", "greedy", "--tie-breaking", "cost"], ["C", "B", "D"]),
        (["--rule", "greedy", "--min-share", "0.5"], ["A", "C"]),
        (["--rule", "greedy", "--sub-budgets"], ["A", "C"]),
    ],
)
def test_options(
    case_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: list[str]
) -> None:
    assert main([str(case_file), *args]) == 0
    assert capsys.readouterr().out.split() == expected


def test_reads_gzip_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(gzip.compress(CASE.encode())))
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["-", "--rule", "greedy"]) == 0
    assert capsys.readouterr().out.split() == ["A", "C"]


def test_compare_prints_a_table(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(case_file)]) == 0
    out = capsys.readouterr().out
    assert "greedy" in out and "phragmen" in out and "maxwelfare" in out
    assert out.splitlines()[2].startswith("A")


@pytest.mark.parametrize(
    "args",
    [["missing.pb"], ["BAD"], ["GOOD", "--tie-breaking", "A,B"], ["GOOD", "--max-winners", "-1"]],
)
def test_errors_exit_2_with_one_line(
    tmp_path: Path, case_file: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    bad = tmp_path / "bad.pb"
    bad.write_text(CASE.replace("D;1", "D;-1"), encoding="utf-8")
    args = [str(bad) if a == "BAD" else str(case_file) if a == "GOOD" else a for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("pbrules: error: ") and err.count("\n") == 1


def test_help_documents_every_rule_and_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pbrules", "--help"], capture_output=True, text=True, check=True
    )
    for word in [
        "greedy",
        "phragmen",
        "maxwelfare",
        "mes",
        "--satisfaction",
        "--completion",
        "--json",
        "--tie-breaking",
        "--max-winners",
        "--min-share",
        "--sub-budgets",
        "compare",
    ]:
        assert word in result.stdout


def test_bad_option_exits_2(case_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pbrules", str(case_file), "--rule", "nope"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
