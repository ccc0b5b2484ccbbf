"""deliberation.draw.sortition's published CSV files: a pool value that looks like a formula is text."""

from __future__ import annotations

from deliberation.draw import sortition


def test_pool_and_quota_cells_that_could_start_a_formula_are_neutralised() -> None:
    pool = [{"pool_id": "p1", "age": "=1+1"}, {"pool_id": "p2", "age": "16-24"}]
    text = sortition.pool_csv(pool, ["age"])
    assert text.splitlines() == ["pool_id,age", "p1,'=1+1", "p2,16-24"]
    quotas = sortition.quotas_csv({"age": {"@x": (0, 1)}})
    assert quotas.splitlines() == ["feature,value,min,max", "age,'@x,0,1"]
