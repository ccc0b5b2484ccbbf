"""Command line: re-count a pabulib file with any rule, or compare the winners of every rule."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from pbrules.constraints import sub_budgets_from_election
from pbrules.instance import to_instance
from pbrules.model import Instance, Outcome
from pbrules.pabulib import PabulibError, parse_election, parse_instance, read_text
from pbrules.report import outcome_dict
from pbrules.rules import COMPLETIONS, RULES, run_rule
from pbrules.satisfaction import support_counts

RULE_HELP = "\n".join(f"  {name:<15} {info.description}" for name, info in RULES.items())
EPILOG = f"""rules:
{RULE_HELP}

tie-breaking (--tie-breaking):
  id          project ids compared as strings, "10" before "9" (default; pabutools' order)
  cost        cheaper project first, then id
  votes       more supporters first, then id
  ID,ID,...   an explicit order listing every project id, most preferred first

compare:
  python -m pbrules compare FILE.pb [options]   table of the winners under every rule

FILE may be "-" (standard input) and may be gzip-compressed. Errors exit with status 2.
--json prints {{"selected", "total_cost", "budget", "rule", "params", "trace", "rejections", "metrics"}}
(pbrules.report.outcome_dict); amounts are JSON numbers (integers when whole, otherwise the nearest
float), never strings.
"""


def _parser(prog: str = "python -m pbrules") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Re-count a participatory-budgeting election (pabulib .pb file) with an outcome rule.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help='the .pb file ("-" for standard input; .gz accepted)')
    p.add_argument("--rule", choices=list(RULES), default="greedy", help="outcome rule (default: greedy)")
    p.add_argument(
        "--satisfaction",
        choices=["cost", "cardinality"],
        default="cost",
        help="voter satisfaction for greedy, maxwelfare and mes (default: cost)",
    )
    p.add_argument(
        "--completion",
        choices=list(COMPLETIONS),
        default="exhaustion",
        help="completion method for mes (default: exhaustion)",
    )
    p.add_argument(
        "--no-skip", action="store_true", help="greedy: stop at the first project that does not fit"
    )
    p.add_argument(
        "--tie-breaking", default="id", metavar="ORDER", help="id | cost | votes | ID,ID,... (default: id)"
    )
    p.add_argument("--max-winners", type=int, default=None, metavar="N", help="select at most N projects")
    p.add_argument(
        "--min-share",
        type=Fraction,
        default=None,
        metavar="X",
        help="drop projects supported by less than this share of ballots first (e.g. 0.05 or 1/20)",
    )
    p.add_argument(
        "--sub-budgets",
        action="store_true",
        help="run the rule per category with META budget_per_category and combine",
    )
    p.add_argument(
        "--budget",
        type=Fraction,
        default=None,
        metavar="AMOUNT",
        help="count with this budget instead of META budget (in the file's units, e.g. 2600000)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON object instead of one id per line")
    return p


def _tie_order(instance: Instance, spec: str) -> list[str] | None:
    ids = list(instance.project_ids)
    if spec == "id":
        return None
    if spec == "cost":
        return sorted(ids, key=lambda pid: (int(instance.costs[ids.index(pid)]), pid))
    if spec == "votes":
        votes = dict(zip(ids, support_counts(instance), strict=True))
        return sorted(ids, key=lambda pid: (-votes[pid], pid))
    order = [x.strip() for x in spec.split(",") if x.strip()]
    missing = sorted(set(ids) - set(order))
    if missing:
        raise ValueError(f"--tie-breaking order misses {len(missing)} project(s), e.g. {missing[0]!r}")
    return order


def with_budget(instance: Instance, budget: Fraction | int | str) -> Instance:
    """``instance`` with another budget (in the file's units); it must be whole in the instance's scale."""
    amount = Fraction(budget)
    scaled = amount * instance.scale
    if amount < 0 or scaled.denominator != 1:
        raise ValueError(f"--budget must be a non-negative amount in the file's units, got {budget}")
    return dataclasses.replace(instance, budget=int(scaled))


def _load(path: str, need_election: bool) -> tuple[Instance, Any]:
    text = read_text(sys.stdin.buffer if path == "-" else path)
    if need_election:
        election = parse_election(text)
        return to_instance(election), election
    return parse_instance(text), None


def _run(args: argparse.Namespace, instance: Instance, election: Any, rule: str) -> Outcome:
    sub = sub_budgets_from_election(election) if args.sub_budgets else None
    return run_rule(
        instance,
        rule,
        satisfaction=args.satisfaction,
        completion=args.completion,
        tie_breaking=_tie_order(instance, args.tie_breaking),
        max_winners=args.max_winners,
        min_share=args.min_share,
        sub_budgets=sub,
    )


def _compare(args: argparse.Namespace, instance: Instance, election: Any) -> str:
    columns: list[tuple[str, str, str]] = [
        ("greedy", "cost", "greedy"),
        ("greedy", "cardinality", "greedy/card"),
        ("phragmen", "cost", "phragmen"),
        ("maxwelfare", "cost", "maxwelfare"),
        ("mes", "cost", "mes"),
    ]
    results: list[tuple[str, Outcome]] = []
    for rule, sat, label in columns:
        args.satisfaction = sat
        try:
            results.append((label, _run(args, instance, election, rule)))
        except ValueError as exc:
            if rule != "mes":
                raise
            print(f"(mes skipped: {exc})", file=sys.stderr)
    chosen = {label: set(o.selected) for label, o in results}
    ids = [pid for pid in instance.project_ids if any(pid in c for c in chosen.values())]
    width = max([len("project")] + [len(p) for p in ids])
    head = f"{'project':<{width}}  {'cost':>12}  " + "  ".join(f"{label:>11}" for label, _ in results)
    lines = [head, "-" * len(head)]
    for pid in ids:
        cost = instance.costs[instance.project_ids.index(pid)] / instance.scale
        marks = "  ".join(f"{'x' if pid in chosen[label] else '':>11}" for label, _ in results)
        lines.append(f"{pid:<{width}}  {cost:>12g}  {marks}")
    lines.append("-" * len(head))
    lines.append(
        f"{'winners':<{width}}  {'':>12}  " + "  ".join(f"{len(o.selected):>11}" for _, o in results)
    )
    lines.append(
        f"{'total cost':<{width}}  {'':>12}  " + "  ".join(f"{float(o.total_cost):>11g}" for _, o in results)
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    compare = bool(argv) and argv[0] == "compare"
    parser = _parser("python -m pbrules compare" if compare else "python -m pbrules")
    args = parser.parse_args(argv[1:] if compare else argv)
    try:
        instance, election = _load(args.file, args.sub_budgets)
        if args.budget is not None:
            instance = with_budget(instance, args.budget)
        if compare:
            print(_compare(args, instance, election))
            return 0
        rule = "greedy-no-skip" if args.no_skip and args.rule == "greedy" else args.rule
        outcome = _run(args, instance, election, rule)
        if args.json:
            print(json.dumps(outcome_dict(instance, outcome), ensure_ascii=False))
        else:
            print("\n".join(outcome.selected))
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - avoid a second error at interpreter exit
        return 0
    except (PabulibError, ValueError, OSError) as exc:
        print(f"pbrules: error: {exc}", file=sys.stderr)
        return 2
    return 0
