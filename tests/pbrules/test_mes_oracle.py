"""Equal Shares against pabutools 1.2.3 (the GPL, dev-only oracle): random elections and real files.

Random: hypothesis elections (approval, cumulative, ordinal; ties in costs and supports) with every
completion pabutools has (none, exhaustion + greedy, add1), both satisfactions — over 1,000 examples.
Real files: the selected sets recorded by ``make_mes_reference.py`` in ``data/mes_reference.json``
(pabutools needs minutes per large file); live pabutools runs for the two small files, and for all
files under the ``oracle_slow`` marker (``-m oracle_slow`` or ``PBRULES_ORACLE=all``).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pbrules.instance import to_instance
from pbrules.model import Election, Satisfaction
from pbrules.pabulib import read_instance
from pbrules.rules.mes import Completion, equal_shares

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "data" / "mes_reference.json"
LIVE = {"France_Toulouse_2019", "Poland_Warszawa_2019_Anin"}


def _load_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_mes_reference", HERE / "make_mes_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


oracle = _load_helpers()


def _strategies() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pbstrategies", HERE / "pbstrategies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pbs = _strategies()


def _ours(election: Election, satisfaction: Satisfaction, completion: Completion) -> set[str]:
    out = equal_shares(to_instance(election), satisfaction=satisfaction, completion=completion, explain=False)
    return set(out.selected)


def _theirs(election: Election, satisfaction: Satisfaction, completion: Completion) -> set[str]:
    instance, profile = pbs.pabutools_pair(election)
    return set(
        oracle.pabutools_mes(instance, profile, election.vote_type, satisfaction, completion)["selected"]
    )


def _check(election: Election, satisfaction: Satisfaction) -> None:
    assume(election.budget > 0)  # pabutools' exhaustion loops forever on a zero budget
    completions: tuple[Completion, ...] = ("none", "exhaustion", "add1")
    for completion in completions:
        assert _ours(election, satisfaction, completion) == _theirs(election, satisfaction, completion), (
            completion
        )


SETTINGS = settings(max_examples=180, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@SETTINGS
@given(data=st.data())
def test_approval_elections_match_pabutools(satisfaction: Satisfaction, data: st.DataObject) -> None:
    election = data.draw(pbs.elections(vote_type="approval", max_projects=6, max_voters=9, max_cost=12))
    _check(election, satisfaction)


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@SETTINGS
@given(data=st.data())
def test_cumulative_elections_match_pabutools(satisfaction: Satisfaction, data: st.DataObject) -> None:
    election = data.draw(pbs.elections(vote_type="cumulative", max_projects=5, max_voters=8, max_cost=12))
    _check(election, satisfaction)


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@SETTINGS
@given(data=st.data())
def test_ordinal_elections_match_pabutools(satisfaction: Satisfaction, data: st.DataObject) -> None:
    election = data.draw(pbs.elections(vote_type="ordinal", max_projects=5, max_voters=8, max_cost=12))
    _check(election, satisfaction)


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_tied_approval_elections_match_pabutools(satisfaction: Satisfaction, data: st.DataObject) -> None:
    """Few distinct costs and ballots, so that affordabilities tie often (tie order decides)."""
    election = data.draw(pbs.elections(vote_type="approval", max_projects=7, max_voters=6, max_cost=3))
    _check(election, satisfaction)


# ------------------------------------------------------------------------------------- real files


def _recorded() -> dict[str, Any]:
    return json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}


RECORDED = _recorded()
CASES = [
    (name, sat, comp)
    for name in sorted(k for k in RECORDED if not k.startswith("_"))
    for sat in ("cost", "cardinality")
    for comp in ("none", "exhaustion", "add1")
    if "selected" in RECORDED[name].get(sat, {}).get(comp, {})
]


@pytest.mark.oracle
@pytest.mark.parametrize(("name", "satisfaction", "completion"), CASES, ids=["-".join(c) for c in CASES])
def test_real_file_matches_recorded_pabutools_outcome(
    pabulib_dir: Path, name: str, satisfaction: Satisfaction, completion: Completion
) -> None:
    instance = read_instance(pabulib_dir / name)
    out = equal_shares(instance, satisfaction=satisfaction, completion=completion, explain=False)
    expected = RECORDED[name][satisfaction][completion]["selected"]
    assert set(out.selected) == set(expected)
    if completion == "none":
        assert list(out.selected) == expected  # no free projects in these files: same selection order


def _slow_enabled(config: pytest.Config) -> bool:
    return "oracle_slow" in (config.option.markexpr or "") or os.environ.get("PBRULES_ORACLE") == "all"


@pytest.mark.oracle
@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@pytest.mark.parametrize("completion", ["none", "exhaustion"])
def test_small_real_files_match_live_pabutools(
    pabulib_files: list[Path], satisfaction: Satisfaction, completion: Completion
) -> None:
    for path in pabulib_files:
        if path.stem not in LIVE:
            continue
        instance, profile, vote_type = oracle.load(path)
        expected = oracle.pabutools_mes(instance, profile, vote_type, satisfaction, completion)["selected"]
        ours = equal_shares(
            read_instance(path), satisfaction=satisfaction, completion=completion, explain=False
        )
        assert set(ours.selected) == set(expected), path.stem


@pytest.mark.oracle_slow
@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
@pytest.mark.parametrize("completion", ["none", "exhaustion"])
def test_every_real_file_matches_live_pabutools(
    request: pytest.FixtureRequest,
    pabulib_file: Path | None,
    satisfaction: Satisfaction,
    completion: Completion,
) -> None:
    if not _slow_enabled(request.config):
        pytest.skip("minutes per file in pabutools: run with -m oracle_slow or PBRULES_ORACLE=all")
    assert pabulib_file is not None
    instance, profile, vote_type = oracle.load(pabulib_file)
    expected = oracle.pabutools_mes(instance, profile, vote_type, satisfaction, completion)["selected"]
    ours = equal_shares(
        read_instance(pabulib_file), satisfaction=satisfaction, completion=completion, explain=False
    )
    assert set(ours.selected) == set(expected)
