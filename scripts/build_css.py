"""Build static/vendor/utrecht/component-library.css from only the NL Design System components in use.

The whole component library is 406 KB of CSS for about a hundred components; Buurtbudget's pages use
about thirty. Every component also ships as its own npm package (``@utrecht/<name>-css``), so this
collects the ``utrecht-<name>`` classes that the templates, Python and JavaScript name, and
concatenates those components' stylesheets (163 KB). ``make assets`` runs it whenever a template
changes; ``tests/ui/test_vendor_css.py`` fails when a class in use has no rule in the result.

Usage: python scripts/build_css.py [OUTPUT]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ROOT / "node_modules" / "@utrecht"
OUTPUT = ROOT / "static" / "vendor" / "utrecht" / "component-library.css"
SKIPPED = {"node_modules", ".venv", "static", "staticfiles", "tests", "docs", "bench", "locale", "var"}
CLASS = re.compile(r"utrecht-[a-z0-9]+(?:-[a-z0-9]+)*")
# Classes whose stylesheet lives in a package of another name.
PACKAGE_OF = {"table-container": "table"}


def sources(root: Path = ROOT) -> Iterable[Path]:
    """The files that may name a class: templates, Python and our JavaScript."""
    for path in root.rglob("*"):
        parts = set(path.relative_to(root).parts)
        if parts & SKIPPED or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.suffix in (".html", ".py") and path.is_file():
            yield path
    yield from (root / "static" / "js").glob("*.js")


def components(files: Iterable[Path]) -> set[str]:
    """Component names (``button`` for ``utrecht-button--primary-action``) that have a package."""
    found = set()
    for path in files:
        for name in CLASS.findall(path.read_text(encoding="utf-8", errors="ignore")):
            base = name.removeprefix("utrecht-").split("__")[0]
            base = PACKAGE_OF.get(base, base)
            if (PACKAGES / f"{base}-css" / "dist" / "index.css").exists():
                found.add(base)
    return found


def build(names: Iterable[str]) -> str:
    ordered = sorted(names)
    header = "/* NL Design System components in use (scripts/build_css.py): " + ", ".join(ordered) + " */\n"
    return header + "\n".join(
        (PACKAGES / f"{name}-css" / "dist" / "index.css").read_text(encoding="utf-8") for name in ordered
    )


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(build(components(sources())), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
