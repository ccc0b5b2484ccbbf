"""List the resident-facing Dutch strings that are not plain (B1): long sentences, field jargon, "u".

Usage: ``.venv/bin/python scripts/plain_dutch.py [--all]``. Reads locale/nl/LC_MESSAGES/django.po,
keeps the entries used by a resident-facing source (by the ``#:`` locations; staff pages are left
out), measures each Dutch ``msgstr`` with ``ui.plain_language`` and prints the ones that break a rule,
hardest first. With ``--all`` it prints every resident-facing entry with its reading ease. Rewrite the
``msgstr`` (never the English ``msgid``); docs/translating.md, "Plain Dutch (B1)".
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.plain_language import LONG_SENTENCE, jargon_in, measure, pieces, words  # noqa: E402

CATALOGUE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
# Sources whose strings residents read; a location under a staff folder or template is left out.
RESIDENT = re.compile(
    r"^(templates/|ui/|pages/|accounts/|notifications/|editions/(timeline|phases)|proposals/|"
    r"voting/(templates/voting/(?!staff)|forms/access|errors)|outcomes/(templates|explanation|yourpart|selectors)|"
    r"deliberation/templates/deliberation/(panel|sessions/public|recruitment/sign_up|round/(ballot|tablet))|"
    r"deliberation/draw/forms|execution/templates/execution/(project|overview|following|_)|"
    r"evaluation/templates/evaluation/surveys/(answer|mine))"
)
STAFF = re.compile(r"staff|moderation|backoffice|/manage|/count|panel_decision|work\.html")
# Word lists, where each term stands in a <dfn> next to its explanation: the term itself is allowed.
WORD_LISTS = {"outcomes/templates/outcomes/_words.html"}
FORMAL_YOU = re.compile(r"\b[Uu]w?\b")
_FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')


def entries(path: Path) -> list[tuple[list[str], dict[str, str]]]:
    """Each entry of the catalogue: its source locations and its fields (msgid, msgstr, …)."""
    found = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        fields: dict[str, str] = {}
        locations: list[str] = []
        current = ""
        for line in block.splitlines():
            if line.startswith("#: "):
                locations += line[3:].split()
            elif match := _FIELD.match(line):
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            found.append((locations, fields))
    return found


def is_resident_facing(locations: list[str]) -> bool:
    return any(RESIDENT.match(place) and not STAFF.search(place) for place in locations)


def problems(dutch: str, *, defines: bool = False) -> list[str]:
    """What is not plain about one Dutch string (placeholders and markup taken out); ``defines``: it
    is a term a word list explains."""
    text = re.sub(r"%\(\w+\)[sd]", "X", re.sub(r"<[^>]+>", "", dutch))
    found = [
        f"{len(words(piece))} words: {piece}" for piece in pieces(text) if len(words(piece)) > LONG_SENTENCE
    ]
    found += [] if defines else [f"jargon: {term}" for term in jargon_in(text)]
    found += ["“u” instead of “je”"] if FORMAL_YOU.search(text) else []
    return found


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    rows = []
    for locations, fields in entries(CATALOGUE):
        if not is_resident_facing(locations):
            continue
        for key, dutch in fields.items():
            if key.startswith("msgstr") and dutch:
                ease = measure(f"<main><p>{dutch}</p></main>").reading_ease
                defines = all(place.split(":")[0] in WORD_LISTS for place in locations)
                found = problems(dutch, defines=defines)
                if found or show_all:
                    rows.append((ease, locations[0], fields["msgid"], dutch, found))
                break
    for ease, location, msgid, dutch, found in sorted(rows):
        print(f"{ease:5.1f}  {location}\n       {msgid}\n    nl {dutch}")
        for problem in found:
            print(f"     ! {problem}")
    print(f"{len(rows)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
