"""Every language is complete: no empty or fuzzy string, and every string the code marks is translated.

The second test collects the strings the way `make translations` does (Django's makemessages, GNU
xgettext) from a copy of the source, so a string added without its translation fails here instead of
showing English on a Dutch page.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))
# What `make translations` leaves out (Makefile), and what a copy of the source does not need.
IGNORED = ("node_modules", "tests", "static", "staticfiles", "var", "docs", "locale", "bench", "scripts")
Key = tuple[str | None, str]


def entries(path: Path) -> dict[Key, tuple[dict[str, str], bool]]:
    """Per (context, msgid) of a .po file: its fields (msgid, msgstr, msgstr[n] …) and whether it is fuzzy."""
    found: dict[Key, tuple[dict[str, str], bool]] = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = block.splitlines()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = ""
        for line in lines:
            field = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if field:
                current = field.group(1)
                fields[current] = ast.literal_eval(field.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            found[(fields.get("msgctxt"), fields["msgid"])] = (fields, fuzzy)
    return found


def test_there_is_a_catalogue() -> None:
    assert CATALOGUES, "no locale/*/LC_MESSAGES/django.po"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_no_string_is_empty_or_fuzzy(catalogue: Path) -> None:
    problems = []
    for (_, msgid), (fields, fuzzy) in entries(catalogue).items():
        empty = [name for name, value in fields.items() if name.startswith("msgstr") and not value]
        if fuzzy or empty:
            problems.append(f"{'fuzzy' if fuzzy else 'empty'}: {msgid[:80]!r}")
    assert not problems, f"{catalogue}: {len(problems)} strings to translate\n" + "\n".join(problems)


def _ignored(folder: str, names: list[str]) -> list[str]:
    """Not source: caches, builds, databases, test output, and what makemessages is told to skip."""
    return [
        name
        for name in names
        if name in IGNORED
        or name.startswith(".")
        or name in ("__pycache__", "test-results")
        or name.endswith((".egg-info", ".sqlite3", ".pyc", ".mo"))
    ]


def _source_copy(into: Path) -> Path:
    copy = into / "source"
    shutil.copytree(ROOT, copy, ignore=_ignored)
    (copy / "locale" / "nl" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po", copy / "locale" / "nl" / "LC_MESSAGES")
    return copy


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_string_the_code_marks_is_in_the_catalogue(catalogue: Path, tmp_path: Path) -> None:
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext is missing: apt-get install gettext (make browser installs it)", pytrace=False)
    copy = _source_copy(tmp_path)
    language = catalogue.parts[-3]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "PYTHONPATH": str(copy)}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", language, "--no-obsolete", "-v", "0"],
        cwd=copy,
        env=environment,
        check=True,
    )
    collected = entries(copy / "locale" / language / "LC_MESSAGES" / "django.po")
    translated = entries(catalogue)
    missing = sorted(key[1] for key, (_, fuzzy) in collected.items() if fuzzy or key not in translated)
    assert not missing, f"marked in the code, not translated in {catalogue}:\n" + "\n".join(missing)
