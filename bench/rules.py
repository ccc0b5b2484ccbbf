"""Benchmark pbrules against pabutools on the shared pabulib files: time (parsing included) and peak memory.

Each measurement runs in its own subprocess (so peak RSS is that measurement's alone) with a timeout::

    .venv/bin/python bench/rules.py [--rules greedy phragmen ...] [--files Anin Lodz ...] [--quick]
                                    [--timeout 120] [--timeout-for RULE:FILE=SECONDS ...] [--no-write]
                                    [--baseline GIT-REF] [--repeat N] [--skip-pabutools]

``--baseline`` also times the pbrules of a git commit (exported to a temporary folder), interleaved
with the working tree's measurement by measurement, so that both see the same load on a shared machine;
the table then gives each cell's CPU time against the baseline's. ``--repeat`` keeps the fastest
(CPU) of N runs per cell.

``--timeout`` bounds each measurement; ``--timeout-for`` overrides it for the rule and the files whose
name contains FILE (``mes:Amsterdam=900``). By default Equal Shares on the two Amsterdam files gets
900 s, so that pabutools runs to completion there (66-115 s) and the speed-up is a measured ratio.

Results are printed as a table and written to the "Outcome engine (pbrules)" section of
docs/benchmarks.md (other sections are left alone). pabutools is the GPL dev-only reference; it is
used here only as the thing to compare with, with its plain profile as a user would parse it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PABULIB_DIR") or ROOT / ".." / "shared" / "data" / "pabulib")
DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "## Outcome engine (pbrules)"
RULES = ["greedy", "greedy-card", "phragmen", "maxwelfare", "mes"]
QUICK_RULES = ["greedy", "phragmen", "maxwelfare"]
QUICK_MAX_BYTES = 300_000
# (rule, substring of the file name) -> seconds: measured to completion, whatever --timeout says
DEFAULT_TIMEOUTS = {("mes", "Netherlands_Amsterdam"): 900.0}
_LIST_AT_MOST = 4  # a summary line names the files when pabutools finished on at most this many
DESCRIPTION = """Each cell is one run in a fresh subprocess: parsing the file plus running the rule
(imports not timed), wall-clock seconds with CPU seconds in brackets (the speed-up uses CPU time,
which other load on the machine disturbs less). Peak MB is the subprocess's maximum resident set
size (interpreter and numpy included). pabutools runs on its plain profile as parsed; "> N s" marks
a measurement stopped by the per-measurement timeout. Rules: greedy = cost satisfaction,
greedy-card = cardinality (points/Borda on non-approval files), mes = Equal Shares with cost
satisfaction and exhaustion + greedy completion (pabutools needs 66-250 s per file for that, see
the rules notes, so its cells hit the timeout except on the two Amsterdam files, which get a
longer timeout so that pabutools finishes there).

"""


def _pbrules(path: Path, rule: str) -> int:
    from pbrules.pabulib import read_instance
    from pbrules.rules import run_rule

    inst = read_instance(path)
    if rule == "greedy-card":
        return len(run_rule(inst, "greedy", satisfaction="cardinality").selected)
    if rule == "mes":
        return len(run_rule(inst, "mes", satisfaction="cost", completion="exhaustion").selected)
    return len(run_rule(inst, rule).selected)


def _sat(vote_type: str, cardinality: bool) -> Any:
    from pabutools.election import Additive_Borda_Sat, Additive_Cardinal_Sat, Cardinality_Sat, Cost_Sat

    if vote_type == "ordinal":
        return Additive_Borda_Sat
    if vote_type in ("cumulative", "scoring"):
        return Additive_Cardinal_Sat
    return Cardinality_Sat if cardinality else Cost_Sat


def _pabutools(path: Path, rule: str) -> int:
    from pabutools.election import parse_pabulib
    from pabutools.rules import (
        completion_by_rule_combination,
        exhaustion_by_budget_increase,
        greedy_utilitarian_welfare,
        max_additive_utilitarian_welfare,
        method_of_equal_shares,
        sequential_phragmen,
    )

    instance, profile = parse_pabulib(str(path))
    vote_type = instance.meta.get("vote_type", "approval")
    sat = _sat(vote_type, rule == "greedy-card")
    if rule in ("greedy", "greedy-card"):
        out = greedy_utilitarian_welfare(instance, profile, sat_class=sat, is_sat_additive=True)
    elif rule == "phragmen":
        if vote_type not in ("approval", "choose-1"):
            raise ValueError("n/a")
        out = sequential_phragmen(instance, profile)
    elif rule == "maxwelfare":
        out = max_additive_utilitarian_welfare(instance, profile, sat_class=sat)
    else:
        out = completion_by_rule_combination(
            instance,
            profile,
            [exhaustion_by_budget_increase, greedy_utilitarian_welfare],
            [{"rule": method_of_equal_shares, "rule_params": {"sat_class": sat}}, {"sat_class": sat}],
        )
    return len(out)


def measure_here(impl: str, path: Path, rule: str) -> dict[str, Any]:
    """Run one measurement in this process and report seconds and peak RSS."""
    import resource

    sys.path.insert(0, os.environ.get("BENCH_PBRULES_ROOT") or str(ROOT))  # --baseline: another pbrules
    if impl == "pbrules":  # imports are not timed (numpy, highspy); parsing is
        import pbrules.rules
        import pbrules.rules.maxwelfare  # noqa: F401
    else:
        import pabutools.election
        import pabutools.rules  # noqa: F401
    start, cpu = time.perf_counter(), time.process_time()
    winners = (_pbrules if impl == "pbrules" else _pabutools)(path, rule)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024, "winners": winners}


def measure(impl: str, path: Path, rule: str, timeout: float, root: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", impl, str(path), rule]
    env = {**os.environ, "BENCH_PBRULES_ROOT": str(root)} if root is not None else None
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"> {timeout:g} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": "n/a" if last.endswith("n/a") else last[:60]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_best(
    impl: str, path: Path, rule: str, timeout: float, repeat: int, root: Path | None = None
) -> dict[str, Any]:
    """The run with the least CPU time of ``repeat`` runs (the first error, if any)."""
    runs = []
    for _ in range(repeat):
        result = measure(impl, path, rule, timeout, root)
        if "error" in result:
            return result
        runs.append(result)
    return min(runs, key=lambda r: float(r["cpu"]))


def export_baseline(ref: str) -> Path:
    """``git archive`` of pbrules at ``ref`` into a temporary folder (left for the OS to clean)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-rules-baseline-"))
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "pbrules"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def _vs(ours: dict[str, Any], base: dict[str, Any]) -> str:
    """Our CPU time as a multiple of the baseline's (below 1: faster now)."""
    if "error" in ours or "error" in base:
        return ""
    return f"{ours['cpu'] / max(base['cpu'], 1e-9):.2f}"


def _mes_available() -> bool:
    return (ROOT / "pbrules" / "rules" / "mes.py").exists()


def _fmt(r: dict[str, Any], key: str, spec: str) -> str:
    return r.get("error", "") if "error" in r else format(r[key], spec)


def _peak(r: dict[str, Any]) -> str:
    return (
        f"{r['peak_mb']:.0f}"
        if "peak_mb" in r
        else ("—" if str(r.get("error", "")).startswith(">") else "n/a")
    )


def _cell(r: dict[str, Any]) -> str:
    return str(r["error"]) if "error" in r else f"{r['seconds']:.2f} ({r['cpu']:.2f})"


Row = tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any] | None]


def _summary(rows: list[Row]) -> str:
    """One line per rule: the slowest pbrules run (CPU time) and the range of speed-ups (CPU time)."""
    lines = []
    for rule in dict.fromkeys(r for _, r, _, _, _ in rows):
        mine = [(o["cpu"], o["seconds"], n) for n, r, o, _, _ in rows if r == rule and "error" not in o]
        ratios = {
            n: p["cpu"] / max(o["cpu"], 1e-9)
            for n, r, o, p, _ in rows
            if r == rule and "cpu" in o and "cpu" in p
        }
        against = [
            o["cpu"] / max(b["cpu"], 1e-9)
            for _, r, o, _, b in rows
            if r == rule and b is not None and "cpu" in o and "cpu" in b
        ]
        if mine:
            cpu, wall, name = max(mine)
            span = (
                f"; speed-up {min(ratios.values()):.0f}x-{max(ratios.values()):.0f}x where pabutools finished"
                if ratios
                else ""
            )
            if 0 < len(ratios) <= _LIST_AT_MOST:  # few finished: name them (mes on Amsterdam)
                span += " (" + ", ".join(f"{n} {x:.0f}x" for n, x in ratios.items()) + ")"
            if against:
                span += f"; CPU time {min(against):.2f}-{max(against):.2f} × the baseline's"
            lines.append(f"- {rule}: slowest pbrules run {cpu:.2f} s CPU ({wall:.2f} s wall, {name}){span}")
    return "\n".join(lines)


def timeout_for(rule: str, name: str, default: float, overrides: dict[tuple[str, str], float]) -> float:
    """The timeout of one measurement: the first override matching the rule and the file name."""
    for (r, part), seconds in overrides.items():
        if r == rule and part in name:
            return seconds
    return default


def _parse_override(text: str) -> tuple[tuple[str, str], float]:
    """``RULE:FILE=SECONDS`` -> ((rule, file substring), seconds)."""
    try:
        target, seconds = text.rsplit("=", 1)
        rule, part = target.split(":", 1)
        return (rule, part), float(seconds)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected RULE:FILE=SECONDS, got {text!r}") from None


def _table(rows: list[Row]) -> str:
    baseline = any(b is not None for *_, b in rows)
    out = [
        "| file | rule | pbrules s (cpu) | pabutools s (cpu) | speed-up (cpu) | pbrules peak MB "
        "| pabutools peak MB |" + (" baseline s (cpu) | CPU × baseline |" if baseline else ""),
        "|---|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if baseline else ""),
    ]
    for name, rule, ours, ref, base in rows:
        ratio = ""
        if "error" not in ours and "error" not in ref:
            ratio = f"{ref['cpu'] / max(ours['cpu'], 1e-9):.0f}x"
        elif "error" not in ours and ref.get("error", "").startswith(">"):
            ratio = "> " + f"{float(ref['error'][2:-2]) / max(ours['seconds'], 1e-9):.0f}x"
        extra = f" {_cell(base)} | {_vs(ours, base)} |" if base is not None else (" | |" if baseline else "")
        out.append(
            f"| {name} | {rule} | {_cell(ours)} | {_cell(ref)} | {ratio} | {_peak(ours)} | {_peak(ref)} |"
            + extra
        )
    return "\n".join(out)


def write_section(body: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = f"{SECTION}\n\n{body.strip()}\n\n"
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block
    DOC.write_text(text, encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--measure", nargs=3, metavar=("IMPL", "FILE", "RULE"), help=argparse.SUPPRESS)
    parser.add_argument("--rules", nargs="+", choices=RULES, help="rules to run (default: all available)")
    parser.add_argument("--files", nargs="+", help="substrings of file names to include")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small files only (< {QUICK_MAX_BYTES} bytes), greedy/phragmen/maxwelfare",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement (default 120)")
    parser.add_argument(
        "--timeout-for",
        type=_parse_override,
        action="append",
        default=[],
        metavar="RULE:FILE=SECONDS",
        help="timeout for one rule on the files whose name contains FILE (repeatable; default "
        + ", ".join(f"{r}:{f}={s:g}" for (r, f), s in DEFAULT_TIMEOUTS.items())
        + ")",
    )
    parser.add_argument("--skip-pabutools", action="store_true", help="time pbrules only")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument("--baseline", metavar="GIT-REF", help="also time pbrules at this commit, interleaved")
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell, the fastest (CPU) kept")
    return parser


def _files_and_rules(args: argparse.Namespace) -> tuple[list[Path], list[str]]:
    """The pabulib files and the rules the options choose."""
    files = sorted(DATA.glob("*.pb"))
    if args.files:
        files = [f for f in files if any(s in f.name for s in args.files)]
    rules = args.rules or (QUICK_RULES if args.quick else RULES)
    if args.quick:
        files = [f for f in files if f.stat().st_size < QUICK_MAX_BYTES]
    if "mes" in rules and not _mes_available():
        rules = [r for r in rules if r != "mes"]
        print("(mes skipped: pbrules/rules/mes.py does not exist yet)", file=sys.stderr)
    return files, rules


def _measure_all(args: argparse.Namespace, files: list[Path], rules: list[str]) -> list[Row]:
    """Every file × rule: pbrules, pabutools and (with --baseline) the baseline's pbrules, printed as run."""
    overrides = dict(args.timeout_for)  # the user's first: the first match wins
    overrides.update((k, v) for k, v in DEFAULT_TIMEOUTS.items() if k not in overrides)
    base_root = export_baseline(args.baseline) if args.baseline else None
    rows: list[Row] = []
    for f in files:
        for rule in rules:
            limit = timeout_for(rule, f.name, args.timeout, overrides)
            base = None
            if base_root is not None:
                base = measure_best("pbrules", f, rule, limit, args.repeat, base_root)
            ours = measure_best("pbrules", f, rule, limit, args.repeat)
            ref = {"error": "not run"} if args.skip_pabutools else measure("pabutools", f, rule, limit)
            rows.append((f.stem, rule, ours, ref, base))
            print(
                f"{f.stem:35} {rule:12} pbrules {_cell(ours):>14}  pabutools {_cell(ref):>14}"
                + (f"  baseline {_cell(base):>14}" if base is not None else ""),
                flush=True,
            )
    return rows


def _section(rows: list[Row], table: str, argv: list[str] | None) -> str:
    """The docs/benchmarks.md section: how it was measured, the summary and the table."""
    cmd = "bench/rules.py " + " ".join(argv if argv is not None else sys.argv[1:])
    return (
        f"Measured with `.venv/bin/python {cmd.strip()}` on {time.strftime('%Y-%m-%d')} "
        f"({platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}).\n"
        + DESCRIPTION
        + "Reproduce: `make bench-rules` (or `.venv/bin/python bench/rules.py [--rules ...]\n"
        "[--files ...] [--quick] [--timeout S] [--timeout-for RULE:FILE=S]`).\n\n"
        + _summary(rows)
        + "\n\n"
        + table
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.measure:
        impl, path, rule = args.measure
        print(json.dumps(measure_here(impl, Path(path), rule)))
        return 0
    files, rules = _files_and_rules(args)
    rows = _measure_all(args, files, rules)
    table = _table(rows)
    print(table)
    if not args.no_write:
        write_section(_section(rows, table, argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
