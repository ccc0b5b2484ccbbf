"""Age bands and genders: how residents are grouped wherever the platform counts who takes part.

The panel's strata, the population figures, the surveys' voluntary questions and the learning
report all use these groups, so a figure of one can be set against a figure of another.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Age bands: (lowest age, highest age or None). The first band starts at the edition's minimum age.
AGE_BANDS: tuple[tuple[int, int | None], ...] = ((16, 24), (25, 39), (40, 64), (65, None))

OLDEST_AGE = 120

GENDERS: tuple[tuple[str, str], ...] = (("vrouw", "Vrouw"), ("man", "Man"), ("anders", "Anders"))

GENDER_LABELS: dict[str, Promise] = {
    "vrouw": _("Woman"),
    "man": _("Man"),
    "anders": _("Other, or I describe myself differently"),
}


def age_bands(min_age: int) -> list[tuple[str, str, int, int | None]]:
    """(key, label, lowest, highest) of the age bands for an edition with this minimum age."""
    bands: list[tuple[str, str, int, int | None]] = []
    for lowest, highest in AGE_BANDS:
        if highest is not None and highest < min_age:
            continue
        if not bands:
            lowest = min_age
        key = f"{lowest}-{highest}" if highest is not None else f"{lowest}-plus"
        label = f"{lowest}–{highest}" if highest is not None else f"{lowest}+"
        bands.append((key, label, lowest, highest))
    return bands


def band_of(min_age: int, age: int) -> str | None:
    """The key of the age band ``age`` falls in, for an edition with this minimum age."""
    for key, _label, lowest, highest in age_bands(min_age):
        if age >= lowest and (highest is None or age <= highest):
            return key
    return None
