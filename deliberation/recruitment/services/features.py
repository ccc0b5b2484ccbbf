"""The stratification features of an edition: the defaults, a facilitator's own, and population figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from accounts.models import User
from audit.services import record
from common.translated import clean_translations
from editions.models import Edition
from places.models import Neighbourhood

from ...models import Feature, FeatureValue, PanelSetup, Respondent
from ..errors import RecruitmentError
from ..features import AGE, GENDER, GENDERS, NEIGHBOURHOOD, age_bands


def ensure_default_features(edition: Edition) -> list[Feature]:
    """Create the panel set-up and the default features (neighbourhood, age band, gender) if none exist."""
    with transaction.atomic():
        PanelSetup.objects.get_or_create(edition=edition)
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if Feature.objects.filter(edition=edition).exists():
            return list(Feature.objects.filter(edition=edition).prefetch_related("values"))
        neighbourhood = Feature.objects.create(edition=edition, key=NEIGHBOURHOOD, name="Buurt", position=1)
        FeatureValue.objects.bulk_create(
            FeatureValue(
                feature=neighbourhood, key=n.slug, label=n.name, position=i, population=n.population or 0
            )
            for i, n in enumerate(Neighbourhood.objects.filter(district_id=edition.district_id), start=1)
        )
        age = Feature.objects.create(edition=edition, key=AGE, name="Leeftijd", position=2)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=age, key=key, label=label, position=i)
            for i, (key, label, _lowest, _highest) in enumerate(age_bands(edition.min_age), start=1)
        )
        gender = Feature.objects.create(edition=edition, key=GENDER, name="Gender", position=3)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=gender, key=key, label=label, position=i)
            for i, (key, label) in enumerate(GENDERS, start=1)
        )
        return list(Feature.objects.filter(edition=edition).prefetch_related("values"))


def add_feature(
    *,
    edition: Edition,
    name: str,
    values: Sequence[tuple[str, int]],
    by: User,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> Feature:
    """Add a feature the panel is stratified on, with its values and their population figures, and its
    name in other languages (``{"en": {"name": "Housing"}}``, checked like the column checks it)."""
    name = " ".join(name.split())
    key = slugify(name)[:40] or "kenmerk"
    with transaction.atomic():
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if Respondent.objects.filter(edition=edition).exists():
            raise RecruitmentError("pool_not_empty")
        if Feature.objects.filter(edition=edition, key=key).exists():
            raise RecruitmentError("feature_exists", name=name)
        if len(values) < 2:
            raise RecruitmentError("too_few_values")
        seen: set[str] = set()
        for label, _population in values:
            value_key = slugify(label)[:60]
            if value_key in seen:
                raise RecruitmentError("duplicate_value", label=label)
            seen.add(value_key)
        position = (Feature.objects.filter(edition=edition).aggregate(m=Max("position"))["m"] or 0) + 1
        feature = Feature.objects.create(
            edition=edition,
            key=key,
            name=name,
            position=position,
            translations=clean_translations(Feature, translations or {}),
        )
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=feature, key=slugify(label)[:60], label=label, position=i, population=pop)
            for i, (label, pop) in enumerate(values, start=1)
        )
        record(
            actor=by,
            action="deliberation.feature_added",
            target=feature,
            edition=edition,
            after={"key": key, "values": [label for label, _pop in values]},
        )
    return feature


def set_population_figures(
    *, edition: Edition, figures: Mapping[int, int], by: User, at: datetime | None = None
) -> int:
    """Set the population figure of feature values (by value id); returns how many changed.

    ``at`` (default now) dates the audit entry."""
    with transaction.atomic():
        values = FeatureValue.objects.select_for_update().filter(
            feature__edition=edition, pk__in=list(figures)
        )
        before, after = {}, {}
        for value in values:
            new = figures[value.pk]
            if value.population != new:
                before[str(value.pk)], after[str(value.pk)] = value.population, new
                value.population = new
                value.save(update_fields=["population"])
        if after:
            record(
                actor=by,
                action="deliberation.population_set",
                target=edition,
                edition=edition,
                before=before,
                after=after,
                at=at,
            )
    return len(after)
