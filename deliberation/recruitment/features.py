"""The features a panel is stratified on by default (neighbourhood, age band, gender), and how a
feature and its values read in the active language (the database keeps Dutch labels)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from common.translated import shown
from editions.models import Edition
from places.demography import AGE_BANDS, GENDER_LABELS, GENDERS, OLDEST_AGE, age_bands, band_of

from ..models import Feature, FeatureValue

NEIGHBOURHOOD = "neighbourhood"

AGE = "age"

GENDER = "gender"

# Re-exported: the groups live in places.demography, shared with the population and the surveys.
__all__ = [
    "AGE",
    "AGE_BANDS",
    "FEATURE_NAMES",
    "GENDER",
    "GENDERS",
    "GENDER_LABELS",
    "NEIGHBOURHOOD",
    "OLDEST_AGE",
    "age_band_of",
    "age_bands",
    "feature_name",
    "value_label",
]

# How the default features and values read in the active language (the database keeps Dutch labels).
FEATURE_NAMES: dict[str, Promise] = {
    NEIGHBOURHOOD: _("Neighbourhood"),
    AGE: _("Age band"),
    GENDER: _("Gender"),
}


def age_band_of(edition: Edition, age: int) -> str | None:
    return band_of(edition.min_age, age)


def feature_name(feature: Feature) -> str:
    """The feature's name in the active language: the catalogue's for the default features, the
    facilitator's translation (or the Dutch name) for the edition's own."""
    if feature.key in FEATURE_NAMES:
        return str(FEATURE_NAMES[feature.key])
    return shown(feature, "name").text


def value_label(feature_key: str, value: FeatureValue) -> str:
    """A value's label in the active language (a neighbourhood's name stays as it is)."""
    if feature_key == GENDER and value.key in GENDER_LABELS:
        return str(GENDER_LABELS[value.key])
    return shown(value, "label").text
