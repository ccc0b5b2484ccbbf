"""`python -m bench.reliability [--short]`: the suite's parts on one topology, started once.

Starts the topology (deploy/local, as each part's own script does) and runs, in this order, the
cross-node races, the crash rounds (five of 2,000 casts; `--short`: one of 300, for CI) and the
load (10 minutes of 200 residents and the letters' burst; `--short`: 60 s and 30 s), then
prints each part's table and exits 1 if any part found a problem. Each part is also a script of
its own (bench/reliability/races.py, crashes.py) with more options; docs/reliability.md has the
figures. Parts that need a topology with private services (the outages) run as their own scripts.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability import crashes, load, races
from bench.reliability.common import machine, topology_arguments, topology_from
from deploy.local import Topology

Part = Callable[[Topology, argparse.Namespace], tuple[str, list[str]]]

# The parts, in order: name → how to run it on the started topology. (More parts add a line here.)
PARTS: dict[str, Part] = {
    "races": lambda topology, args: races.run(topology),
    "crashes": crashes.run,
    "load": load.run,  # 200 residents for 10 minutes and the letters' burst (--short: 60 s and 30 s)
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(PARTS), action="append", help="run only these parts")
    crashes.arguments(parser)
    topology_arguments(parser)
    args = parser.parse_args()
    crashes.shorten(args)
    topology = topology_from(args, task_workers=2)
    chosen = [name for name in PARTS if not args.only or name in args.only]
    print(f"starting the topology in {topology.run_dir} …", file=sys.stderr)
    failed: list[str] = []
    started = time.monotonic()
    with topology:
        for name in chosen:
            print(f"== {name}", file=sys.stderr)
            report, problems = PARTS[name](topology, args)
            print(f"## {name}\n\n{report}\n")
            failed += [f"{name}: {problem}" for problem in problems]
    print(f"({machine()}; {time.monotonic() - started:.0f} s with the topology's start and stop)")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
