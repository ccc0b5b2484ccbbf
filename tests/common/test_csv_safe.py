"""common.csv_safe: no cell of a CSV download starts a spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from common import csv_safe


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-", "=", "@"],
)
def test_a_cell_that_could_start_a_formula_is_neutralised(cell: str) -> None:
    assert csv_safe.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Speeltuin", "", " =1", "'=1", "-12", "+3.5", "-0,25", 12, -3, 2.5, None])
def test_text_and_numbers_are_left_alone(cell: object) -> None:
    assert csv_safe.neutralise(cell) == cell


def test_the_writer_neutralises_every_cell_of_every_row() -> None:
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow(["title", "cost"])
    writer.writerows([["=1+1", -5], ["@me", "-7"]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["title", "cost"], ["'=1+1", "-5"], ["'@me", "-7"]]


def test_every_csv_writer_of_the_app_goes_through_the_helper() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # pbrules writes the pabulib .pb format for re-counting tools, not a spreadsheet, and imports
    # nothing of ours; the helper itself wraps csv.writer.
    allowed = {root / "common" / "csv_safe.py"}
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if not {"tests", "pbrules", "node_modules", ".venv", "bench"} & set(path.relative_to(root).parts)
        and path not in allowed
        and ("csv.writer(" in (text := path.read_text(encoding="utf-8")) or "csv.DictWriter(" in text)
    ]
    assert offenders == []
