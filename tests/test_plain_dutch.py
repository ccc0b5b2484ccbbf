"""No resident-facing string of the Dutch catalogue breaks plain Dutch: over 20 words, field jargon or "u".

The catalogue-wide half of the B1 check (scripts/plain_dutch.py lists what it finds; the pages
themselves are measured in tests/demo/test_plain_dutch.py). docs/translating.md, "Plain Dutch (B1)".
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plain_dutch", ROOT / "scripts" / "plain_dutch.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


plain_dutch = _script()


def test_no_resident_facing_dutch_string_has_a_long_sentence_jargon_or_u() -> None:
    found = []
    for locations, fields in plain_dutch.entries(plain_dutch.CATALOGUE):
        if plain_dutch.is_resident_facing(locations):
            defines = all(place.split(":")[0] in plain_dutch.WORD_LISTS for place in locations)
            for key, dutch in fields.items():
                if key.startswith("msgstr") and (problems := plain_dutch.problems(dutch, defines=defines)):
                    found.append(f"{locations[0]} {fields['msgid']!r}: {problems}")

    assert not found, "Rewrite these Dutch strings (scripts/plain_dutch.py lists them):\n" + "\n".join(found)


def test_the_check_finds_what_it_should() -> None:
    assert plain_dutch.problems("Dank u wel.") == ["“u” instead of “je”"]
    assert plain_dutch.problems("Nog 3 steunbetuigingen.") == ["jargon: steunbetuiging"]
    assert plain_dutch.problems("Gelijk deel", defines=True) == []
    assert plain_dutch.problems(" ".join(["woord"] * 21) + ".")[0].startswith("21 words")
    assert plain_dutch.is_resident_facing(["voting/templates/voting/ballot.html:3"])
    assert not plain_dutch.is_resident_facing(["voting/templates/voting/staff/manage.html:14"])
