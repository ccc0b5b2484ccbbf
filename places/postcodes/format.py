"""The Dutch postcode's one written form: four digits, a space, two capitals ("1061 AB")."""

from __future__ import annotations

import re

POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")
# Dutch postcodes never use these letter pairs.
UNUSED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})


def normalise_postcode(text: str) -> str:
    """ "1061 AB" from "1061ab" or " 1061  AB "; ValueError for anything that is not a Dutch postcode."""
    match = POSTCODE.match(text.strip().upper())
    if match is None or match.group(2) in UNUSED_POSTCODE_LETTERS:
        raise ValueError(text)
    return f"{match.group(1)} {match.group(2)}"
