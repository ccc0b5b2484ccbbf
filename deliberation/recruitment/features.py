"""The features a panel is stratified on by default (neighbourhood, age band, gender), and how a
feature and its values read in the active language (the database keeps Dutch labels)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from editions.models import Edition

from ..models import Feature, FeatureValue

NEIGHBOURHOOD = "neighbourhood"

AGE = "age"

GENDER = "gender"

# Age bands: (lowest age, highest age or None). The first band starts at the edition's minimum age.
AGE_BANDS: tuple[tuple[int, int | None], ...] = ((16, 24), (25, 39), (40, 64), (65, None))

GENDERS: tuple[tuple[str, str], ...] = (("vrouw", "Vrouw"), ("man", "Man"), ("anders", "Anders"))

OLDEST_AGE = 120

# How the default features and values read in the active language (the database keeps Dutch labels).
FEATURE_NAMES: dict[str, Promise] = {
    NEIGHBOURHOOD: _("Neighbourhood"),
    AGE: _("Age band"),
    GENDER: _("Gender"),
}

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


def age_band_of(edition: Edition, age: int) -> str | None:
    for key, _label, lowest, highest in age_bands(edition.min_age):
        if age >= lowest and (highest is None or age <= highest):
            return key
    return None


def feature_name(feature: Feature) -> str:
    """The feature's name in the active language: translated for the default features."""
    return str(FEATURE_NAMES.get(feature.key, feature.name))


def value_label(feature_key: str, value: FeatureValue) -> str:
    if feature_key == GENDER and value.key in GENDER_LABELS:
        return str(GENDER_LABELS[value.key])
    return value.label
