"""One-off: record pabutools 1.2.3's Equal Shares outcomes on the shared pabulib files as frozen fixtures.

Run from the repository root (pabutools is a dev-only, GPL test oracle; pbrules never imports it)::

    .venv/bin/python tests/pbrules/make_mes_reference.py --workers 2 [--timeout 2400] [--only FILE ...]

Each job (file x satisfaction x completion) runs in a worker process; results are merged into
``tests/pbrules/data/mes_reference.json`` as they arrive, so an interrupted run keeps what it finished.
The helpers ``oracle_sat_class`` and ``pabutools_mes`` are also used by the live oracle tests.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA_DIR = Path(os.environ.get("PABULIB_DIR", "/work/shared/data/pabulib"))
OUT = Path(__file__).resolve().parent / "data" / "mes_reference.json"
SATISFACTIONS = ("cost", "cardinality")
COMPLETIONS = ("none", "exhaustion", "add1")


def oracle_sat_class(vote_type: str, satisfaction: str) -> tuple[type[Any], bool]:
    """pabutools' satisfaction class matching pbrules' ``satisfaction`` for a ballot type.

    pbrules: utility = score * cost (``cost``) or score (``cardinality``), where score is 1 for
    approval/choose-1, the points for cumulative, and the Borda score len-pos-1 for ordinal.
    Approval maps to Cost_Sat / Cardinality_Sat; cumulative cardinality to Additive_Cardinal_Sat; ordinal
    cardinality to Additive_Borda_Sat. pabutools' Cost_Sat ignores points and ranks (cost for every project
    on the ballot), so for cumulative/ordinal ``cost`` we use an additive class score * cost.
    Returns (class, is_additive).
    """
    from pabutools.election.satisfaction import (
        Additive_Borda_Sat,
        Additive_Cardinal_Sat,
        Cardinality_Sat,
        Cost_Sat,
    )
    from pabutools.election.satisfaction.additivesatisfaction import AdditiveSatisfaction

    def points_cost(instance: Any, profile: Any, ballot: Any, project: Any, pre: Any) -> Any:
        return ballot.get(project, 0) * project.cost

    def borda_cost(instance: Any, profile: Any, ballot: Any, project: Any, pre: Any) -> Any:
        if project in ballot:
            return (len(ballot) - ballot.position(project) - 1) * project.cost
        return 0

    class PointsCostSat(AdditiveSatisfaction):  # type: ignore[misc]
        def __init__(self, instance: Any, profile: Any, ballot: Any) -> None:
            AdditiveSatisfaction.__init__(self, instance, profile, ballot, points_cost)

    class BordaCostSat(AdditiveSatisfaction):  # type: ignore[misc]
        def __init__(self, instance: Any, profile: Any, ballot: Any) -> None:
            AdditiveSatisfaction.__init__(self, instance, profile, ballot, borda_cost)

    if vote_type in ("approval", "choose-1"):
        return (Cost_Sat if satisfaction == "cost" else Cardinality_Sat), True
    if vote_type in ("cumulative", "scoring"):
        return (PointsCostSat if satisfaction == "cost" else Additive_Cardinal_Sat), True
    if vote_type == "ordinal":
        return (BordaCostSat if satisfaction == "cost" else Additive_Borda_Sat), True
    raise ValueError(vote_type)


def pabutools_mes(
    instance: Any, profile: Any, vote_type: str, satisfaction: str, completion: str
) -> dict[str, Any]:
    """Run pabutools' MES with a completion; returns selected ids (selection order) and details."""
    from pabutools.rules import (
        exhaustion_by_budget_increase,
        greedy_utilitarian_welfare,
        method_of_equal_shares,
    )

    sat_class, additive = oracle_sat_class(vote_type, satisfaction)
    if completion == "none":
        out = method_of_equal_shares(instance, profile, sat_class=sat_class)
        return {"selected": [p.name for p in out]}
    if completion == "add1":
        out = method_of_equal_shares(instance, profile, sat_class=sat_class, voter_budget_increment=1)
        return {"selected": [p.name for p in out]}
    assert completion == "exhaustion"
    calls: list[str] = []

    def counting_mes(inst: Any, prof: Any, **kw: Any) -> Any:
        calls.append(str(inst.budget_limit))
        return method_of_equal_shares(inst, prof, **kw)

    # Same as completion_by_rule_combination(instance, profile, [exhaustion_by_budget_increase,
    # greedy_utilitarian_welfare], ...), split so the exhaustion stage's outcome is recorded too.
    stage1 = exhaustion_by_budget_increase(instance, profile, counting_mes, {"sat_class": sat_class})
    exhaustion = [p.name for p in stage1]
    if instance.is_exhaustive(stage1):
        final = stage1
    else:
        final = greedy_utilitarian_welfare(
            instance,
            profile,
            sat_class=sat_class,
            is_sat_additive=additive,
            initial_budget_allocation=stage1,
        )
    return {"selected": [p.name for p in final], "exhaustion_stage": exhaustion, "mes_calls": len(calls)}


def load(path: Path, multiprofile: bool = True) -> tuple[Any, Any, str]:
    from pabutools.election import parse_pabulib

    instance, profile = parse_pabulib(str(path))
    vote_type = instance.meta.get("vote_type", "approval")
    if multiprofile:
        profile = profile.as_multiprofile()
    return instance, profile, vote_type


def _job(args: tuple[str, str, str]) -> tuple[str, str, str, dict[str, Any]]:
    name, satisfaction, completion = args
    start = time.perf_counter()
    instance, profile, vote_type = load(DATA_DIR / name)
    parsed = time.perf_counter()
    result = pabutools_mes(instance, profile, vote_type, satisfaction, completion)
    result["seconds"] = round(time.perf_counter() - parsed, 2)
    result["parse_seconds"] = round(parsed - start, 2)
    return name, satisfaction, completion, result


def _estimate(job: tuple[str, str, str]) -> float:
    size = (DATA_DIR / job[0]).stat().st_size
    factor = {"exhaustion": 100.0, "add1": 50.0, "none": 1.0}[job[2]]
    return size * factor


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=2400.0, help="seconds per job")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--completions", nargs="*", default=list(COMPLETIONS))
    parser.add_argument("--redo", action="store_true", help="recompute jobs already recorded")
    parser.add_argument("--out", type=Path, default=OUT, help="JSON file to fill (default: the fixture)")
    parser.add_argument("--merge", type=Path, nargs="*", default=[], help="merge these JSON files into --out")
    parser.add_argument("--small-first", action="store_true")
    ns = parser.parse_args(argv)
    out_path: Path = ns.out
    if ns.merge:
        merged: dict[str, Any] = json.loads(out_path.read_text()) if out_path.exists() else {}
        for extra in ns.merge:
            for name, sats in json.loads(extra.read_text()).items():
                if name.startswith("_"):
                    merged.setdefault(name, sats)
                    continue
                for sat, comps in sats.items():
                    for comp, result in comps.items():
                        old = merged.setdefault(name, {}).setdefault(sat, {}).get(comp, {})
                        if "selected" in result or "selected" not in old:
                            merged[name][sat][comp] = result
        out_path.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n")
        return

    reference: dict[str, Any] = json.loads(out_path.read_text()) if out_path.exists() else {}
    reference.setdefault(
        "_about",
        {
            "generator": "tests/pbrules/make_mes_reference.py",
            "oracle": "pabutools 1.2.3 (multiprofile, gmpy2 mpq), default lexicographic tie-breaking",
            "exhaustion": "exhaustion_by_budget_increase(MES), then greedy_utilitarian_welfare",
            "add1": "method_of_equal_shares(voter_budget_increment=1)",
        },
    )
    files = sorted(p.name for p in DATA_DIR.glob("*.pb"))
    if ns.only:
        files = [f for f in files if any(o in f for o in ns.only)]
    jobs = [
        (f, s, c)
        for f in files
        for s in SATISFACTIONS
        for c in ns.completions
        if ns.redo or "selected" not in reference.get(f, {}).get(s, {}).get(c, {})
    ]
    jobs.sort(key=_estimate, reverse=not ns.small_first)
    print(f"{len(jobs)} jobs", flush=True)

    def record(name: str, sat: str, comp: str, result: dict[str, Any]) -> None:
        reference.setdefault(name, {}).setdefault(sat, {})[comp] = result
        out_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = out_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(reference, indent=1, sort_keys=True) + "\n")
        tmp.replace(out_path)
        print(name, sat, comp, {k: v for k, v in result.items() if k != "exhaustion_stage"}, flush=True)

    ctx = mp.get_context("fork")
    pending = list(jobs)
    running: dict[Any, tuple[tuple[str, str, str], float, Any]] = {}
    while pending or running:
        while pending and len(running) < ns.workers:
            job = pending.pop(0)
            queue: Any = ctx.Queue()
            proc = ctx.Process(target=_run_into, args=(job, queue, _job))
            proc.start()
            running[proc] = (job, time.perf_counter(), queue)
        time.sleep(0.5)
        for proc, (job, started, queue) in list(running.items()):
            if not queue.empty():
                name, sat, comp, result = queue.get()
                proc.join()
                del running[proc]
                record(name, sat, comp, result)
            elif not proc.is_alive():
                del running[proc]
                print("failed", job, proc.exitcode, flush=True)
            elif time.perf_counter() - started > ns.timeout:
                proc.kill()
                proc.join()
                del running[proc]
                record(*job, {"timeout_seconds": ns.timeout})


def _run_into(job: tuple[str, str, str], queue: Any, fn: Callable[..., Any]) -> None:
    queue.put(fn(job))


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    main()
