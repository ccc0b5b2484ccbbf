"""The trimmed NL Design System stylesheet styles every utrecht class the pages use."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_css  # noqa: E402

LIBRARY = ROOT / "node_modules" / "@utrecht" / "component-library-css" / "dist" / "index.css"
BUILT = ROOT / "static" / "vendor" / "utrecht" / "component-library.css"
FULL_NAME = re.compile(r"utrecht-[a-z0-9_-]*[a-z0-9]")  # elements (__) and modifiers (--) included


def defined(css: str) -> set[str]:
    return set(re.findall(r"\.(utrecht-[a-z0-9_-]+)", css))


def test_every_class_in_use_that_the_whole_library_styles_has_its_rules_in_the_built_file() -> None:
    used = set()
    for path in build_css.sources():
        used |= set(FULL_NAME.findall(path.read_text(encoding="utf-8", errors="ignore")))
    whole, built = defined(LIBRARY.read_text(encoding="utf-8")), defined(BUILT.read_text(encoding="utf-8"))
    missing = sorted((used & whole) - built)
    assert not missing, f"run `make assets`; not styled by {BUILT.name}: {missing}"
    assert len(used & whole) > 50  # the scan found the pages' classes (84 today)


def test_the_built_file_is_what_the_script_makes_now_and_much_smaller_than_the_library() -> None:
    expected = build_css.build(build_css.components(build_css.sources()))
    assert BUILT.read_text(encoding="utf-8") == expected, "stale: run `make assets`"
    assert len(expected) < LIBRARY.stat().st_size / 2
