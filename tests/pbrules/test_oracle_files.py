"""Whole-file comparisons with pabutools (the reference) on every shared pabulib file.

By default only the files on which pabutools itself is quick run (about 30 s in total); set
``PBRULES_ORACLE=all`` to run every file (about 6 minutes: pabutools needs up to a minute per rule
on the large files, most of it in its per-ballot Python objects).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from pbrules.pabulib import read_instance
from pbrules.rules import run_rule
from pbrules.satisfaction import project_totals

pytestmark = pytest.mark.oracle

# files on which pabutools (parse + greedy x2 + maxwelfare x2 + Phragmén) takes under ~40 s on 2 cores;
# with PBRULES_ORACLE=all every file runs and matches (30 tests, about 6 minutes on 2 cores)
QUICK = {
    "France_Toulouse_2019",
    "France_Toulouse_2022",
    "Netherlands_Amsterdam_285",
    "Poland_Czestochowa_2020",
    "Poland_Warszawa_2019_Anin",
    "Poland_Wroclaw_2015_150_-_500",  # 131,778 ballots but 197 distinct: quick on pabutools' multiprofile
}
SLOW_REASON = "pabutools needs minutes on this file (per-ballot objects); run with PBRULES_ORACLE=all"


def _gate(path: Path) -> None:
    if path.stem not in QUICK and os.environ.get("PBRULES_ORACLE") != "all":
        pytest.skip(SLOW_REASON)


@lru_cache(maxsize=1)  # tests are grouped by file (module-scoped parameter)
def _reference(path: Path) -> tuple[Any, Any]:
    from pabutools.election import parse_pabulib

    instance, profile = parse_pabulib(str(path))
    return instance, profile.as_multiprofile()


def _sat_class(vote_type: str, satisfaction: str) -> Any:
    from pabutools.election import Additive_Borda_Sat, Additive_Cardinal_Sat, Cardinality_Sat, Cost_Sat

    if vote_type == "ordinal":
        return Additive_Borda_Sat
    if vote_type in ("cumulative", "scoring"):
        return Additive_Cardinal_Sat
    return Cost_Sat if satisfaction == "cost" else Cardinality_Sat


def _satisfactions(vote_type: str) -> list[str]:
    # points and rankings: pabutools' additive satisfactions are our "cardinality" (score per project)
    return ["cost", "cardinality"] if vote_type in ("approval", "choose-1") else ["cardinality"]


def test_greedy_matches_pabutools_in_order(pabulib_file: Path) -> None:
    from pabutools.rules import greedy_utilitarian_welfare

    _gate(pabulib_file)
    inst = read_instance(pabulib_file)
    instance, profile = _reference(pabulib_file)
    for satisfaction in _satisfactions(inst.vote_type):
        sat = _sat_class(inst.vote_type, satisfaction)
        ref = greedy_utilitarian_welfare(instance, profile, sat_class=sat, is_sat_additive=True)
        ours = run_rule(inst, "greedy", satisfaction=satisfaction)
        assert list(ours.selected) == [p.name for p in ref], satisfaction


def test_phragmen_matches_pabutools_as_a_set(pabulib_file: Path) -> None:
    from pabutools.rules import sequential_phragmen

    _gate(pabulib_file)
    inst = read_instance(pabulib_file)
    if inst.vote_type not in ("approval", "choose-1"):
        pytest.skip("pabutools' Phragmén is defined for approval ballots only")
    instance, profile = _reference(pabulib_file)
    ref = sequential_phragmen(instance, profile)
    assert sorted(run_rule(inst, "phragmen").selected) == sorted(p.name for p in ref)


def test_maxwelfare_welfare_matches_pabutools(pabulib_file: Path) -> None:
    from pabutools.rules import max_additive_utilitarian_welfare

    _gate(pabulib_file)
    inst = read_instance(pabulib_file)
    instance, profile = _reference(pabulib_file)
    for satisfaction in _satisfactions(inst.vote_type):
        sat = _sat_class(inst.vote_type, satisfaction)
        ref = max_additive_utilitarian_welfare(instance, profile, sat_class=sat)
        ours = run_rule(inst, "maxwelfare", satisfaction=satisfaction)
        totals = dict(zip(inst.project_ids, project_totals(inst, satisfaction), strict=True))  # type: ignore[arg-type]
        assert sum(totals[p] for p in ours.selected) == sum(totals[p.name] for p in ref), satisfaction
