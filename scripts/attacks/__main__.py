"""Run every attack module in this package against a running instance; exit 1 if a defence fails."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import __name__ as package_name
from . import __path__ as package_path
from .common import Attack, Finding, Target


def attack_modules(only: list[str]) -> list[tuple[str, list[Attack]]]:
    found = []
    for info in sorted(pkgutil.iter_modules(package_path), key=lambda info: info.name):
        if info.name in {"common"} or info.name.startswith("_") or (only and info.name not in only):
            continue
        module = importlib.import_module(f"{package_name}.{info.name}")
        found.append((info.name, list(getattr(module, "ATTACKS", []))))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.attacks", description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--database-url", default=None, help="attacks as someone holding the database")
    parser.add_argument("--only", action="append", default=[], help="run only this module (repeatable)")
    parser.add_argument("--option", action="append", default=[], help="KEY=VALUE for an attack module")
    args = parser.parse_args(argv)
    options = dict(item.split("=", 1) for item in args.option)
    target = Target(base_url=args.base_url.rstrip("/"), database_url=args.database_url, options=options)
    failed = 0
    for name, attacks in attack_modules(args.only):
        for attack in attacks:
            findings: list[Finding] = attack(target)
            for finding in findings:
                mark = "skip" if finding.skipped else ("held" if finding.held else "FAILED")
                failed += not finding.held and not finding.skipped
                print(
                    f"[{mark:6}] {name}: {finding.attack}"
                    + (f" — {finding.detail}" if finding.detail else "")
                )
    print(f"{failed} defence(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
